using Actors.Contracts.Security;
using Actors.Domain.Dedup;

namespace Actors.Domain.Security;

/// <summary>
/// The pure rules of one security case: state + request -> decision, and state + ledger row -> next state. Dedup is
/// checked before the lifecycle, so the retry of a move that already happened is answered as a duplicate rather than
/// refused as a move from the status it led to.
/// </summary>
public static class CaseDecider
{
    /// <summary>Opens the case with <paramref name="alert"/> (as <paramref name="tenant"/>/<paramref name="caseId"/>) or correlates the alert into it.</summary>
    public static SecurityDecision<CaseChange> Decide(CaseState state, string tenant, string caseId, AlertRaised alert, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (SecurityValidation.Problem(alert) is { } problem)
        {
            return SecurityDecision<CaseChange>.Refused(SecurityVerdict.Invalid, problem);
        }
        var change = new CaseChange
        {
            Type = state.Exists ? CaseChange.AlertCorrelated : CaseChange.Opened,
            LedgerSource = CaseKeys.Alert(alert.Source),
            LedgerSeq = alert.Seq,
            At = at,
            Tenant = state.Exists ? null : tenant,
            CaseId = state.Exists ? null : caseId,
            Alert = alert,
        };
        return CheckKey(state, change);
    }

    /// <summary>Moves the case along its lifecycle.</summary>
    public static SecurityDecision<CaseChange> Decide(CaseState state, CaseTransition transition, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (SecurityValidation.Problem(transition) is { } problem)
        {
            return SecurityDecision<CaseChange>.Refused(SecurityVerdict.Invalid, problem);
        }
        if (!state.Exists)
        {
            return SecurityDecision<CaseChange>.Refused(SecurityVerdict.NotFound);
        }
        var change = new CaseChange
        {
            Type = CaseLifecycle.LedgerType(state.Status, transition.To),
            LedgerSource = CaseKeys.Transition(transition.Source),
            LedgerSeq = transition.Seq,
            At = at,
            Transition = transition,
            From = state.Status,
        };
        var keyed = CheckKey(state, change);
        if (keyed.Verdict == SecurityVerdict.Append && CaseLifecycle.Problem(state.Status, transition.To) is { } refused)
        {
            return SecurityDecision<CaseChange>.Refused(SecurityVerdict.InvalidTransition, refused);
        }
        return keyed;
    }

    /// <summary>Appends an identity event of the case's principal.</summary>
    public static SecurityDecision<CaseChange> Decide(CaseState state, IdentityEvent identityEvent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (SecurityValidation.Problem(identityEvent) is { } problem)
        {
            return SecurityDecision<CaseChange>.Refused(SecurityVerdict.Invalid, problem);
        }
        if (!state.Exists)
        {
            return SecurityDecision<CaseChange>.Refused(SecurityVerdict.NotFound);
        }
        var change = new CaseChange
        {
            Type = identityEvent.Type,
            LedgerSource = CaseKeys.Identity(identityEvent.Source),
            LedgerSeq = identityEvent.Seq,
            At = at,
            Identity = IdentityRecord.From(identityEvent),
        };
        return CheckKey(state, change);
    }

    /// <summary>
    /// Decides <paramref name="request"/> (a change <see cref="SecurityVerdict.LookUp"/> was answered for) against the
    /// ledger's row with its key: none -> append (re-checking the lifecycle), the same request -> duplicate, another -> conflict.
    /// </summary>
    public static SecurityDecision<CaseChange> DecideWithOriginal(CaseState state, CaseChange request, CaseChange? original)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        if (original is null)
        {
            return request.Transition is { } t && CaseLifecycle.Problem(state.Status, t.To) is { } refused
                ? SecurityDecision<CaseChange>.Refused(SecurityVerdict.InvalidTransition, refused)
                : SecurityDecision<CaseChange>.Append(request);
        }
        return request.SameRequest(original)
            ? SecurityDecision<CaseChange>.Duplicate(original)
            : SecurityDecision<CaseChange>.Refused(SecurityVerdict.Conflict);
    }

    /// <summary>Applies one ledger row to <paramref name="state"/>.</summary>
    public static void Apply(CaseState state, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(change);
        state.Apply(change);
    }

    private static SecurityDecision<CaseChange> CheckKey(CaseState state, CaseChange change) =>
        state.Dedup.Check(change.LedgerSource, change.LedgerSeq) == DedupVerdict.New
            ? SecurityDecision<CaseChange>.Append(change)
            : new SecurityDecision<CaseChange>(SecurityVerdict.LookUp, Change: change);
}
