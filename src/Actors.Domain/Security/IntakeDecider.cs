using Actors.Contracts.Security;
using Actors.Domain.Dedup;

namespace Actors.Domain.Security;

/// <summary>
/// The pure rules of a tenant's security intake. Whether a case still collects alerts is the case's own state, so the
/// intake first names its <see cref="Candidates"/>, the caller asks those cases, and the decision takes the answer as the
/// set of active ones. The decision (which case) is written to the intake ledger, so replay never asks again.
/// </summary>
public static class IntakeDecider
{
    /// <summary>The cases <paramref name="alert"/> could join: the principal's latest case, then the host's.</summary>
    public static IReadOnlyList<string> Candidates(IntakeState state, AlertRaised alert)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(alert);
        var candidates = new List<string>(2);
        if (alert.Principal is { } principal && state.ByPrincipal.TryGetValue(principal, out var byPrincipal))
        {
            candidates.Add(byPrincipal);
        }
        if (alert.Host is { } host && state.ByHost.TryGetValue(host, out var byHost) && !candidates.Contains(byHost))
        {
            candidates.Add(byHost);
        }
        return candidates;
    }

    /// <summary>The case an identity event of <paramref name="principal"/> could go to, or null.</summary>
    public static string? Candidate(IntakeState state, string principal)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ByPrincipal.GetValueOrDefault(principal);
    }

    /// <summary>
    /// Records <paramref name="alert"/>: into the first of its <see cref="Candidates"/> that is in <paramref name="activeCases"/>,
    /// otherwise into a new case whose id is derived from the alert's key.
    /// </summary>
    public static SecurityDecision<IntakeEntry> Decide(IntakeState state, AlertRaised alert, IReadOnlySet<string> activeCases, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(activeCases);
        if (SecurityValidation.Problem(alert) is { } problem)
        {
            return SecurityDecision<IntakeEntry>.Refused(SecurityVerdict.Invalid, problem);
        }
        var joined = Candidates(state, alert).FirstOrDefault(activeCases.Contains);
        var entry = new IntakeEntry
        {
            Type = AlertRaised.TypeName,
            LedgerSource = CaseKeys.Alert(alert.Source),
            LedgerSeq = alert.Seq,
            At = at,
            Alert = alert,
            CaseId = joined ?? CaseKeys.CaseIdFor(alert.Source, alert.Seq),
            OpenedCase = joined is null,
        };
        return CheckKey(state, entry);
    }

    /// <summary>Records an identity event: on the principal's case when it is in <paramref name="activeCases"/>, else on the intake ledger only.</summary>
    public static SecurityDecision<IntakeEntry> Decide(IntakeState state, IdentityEvent identityEvent, IReadOnlySet<string> activeCases, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(activeCases);
        if (SecurityValidation.Problem(identityEvent) is { } problem)
        {
            return SecurityDecision<IntakeEntry>.Refused(SecurityVerdict.Invalid, problem);
        }
        var candidate = Candidate(state, identityEvent.Principal);
        var entry = new IntakeEntry
        {
            Type = identityEvent.Type,
            LedgerSource = CaseKeys.Identity(identityEvent.Source),
            LedgerSeq = identityEvent.Seq,
            At = at,
            Identity = IdentityRecord.From(identityEvent),
            CaseId = candidate is not null && activeCases.Contains(candidate) ? candidate : null,
        };
        return CheckKey(state, entry);
    }

    /// <summary>Decides a <see cref="SecurityVerdict.LookUp"/> against the ledger's row with its key: none -> append, same event -> duplicate, other -> conflict.</summary>
    public static SecurityDecision<IntakeEntry> DecideWithOriginal(IntakeEntry request, IntakeEntry? original)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (original is null)
        {
            return SecurityDecision<IntakeEntry>.Append(request);
        }
        return request.SameRequest(original)
            ? SecurityDecision<IntakeEntry>.Duplicate(original)
            : SecurityDecision<IntakeEntry>.Refused(SecurityVerdict.Conflict);
    }

    /// <summary>Applies one ledger row to <paramref name="state"/>.</summary>
    public static void Apply(IntakeState state, IntakeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(entry);
        state.Apply(entry);
    }

    private static SecurityDecision<IntakeEntry> CheckKey(IntakeState state, IntakeEntry entry) =>
        state.Dedup.Check(entry.LedgerSource, entry.LedgerSeq) == DedupVerdict.New
            ? SecurityDecision<IntakeEntry>.Append(entry)
            : new SecurityDecision<IntakeEntry>(SecurityVerdict.LookUp, Change: entry);
}
