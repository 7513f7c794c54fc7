using Actors.Client.Resilience;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Security;
using Polly;

namespace Actors.Client.Security;

/// <summary>
/// Typed calls to a tenant's security cases: raise alerts (deduplicated by <c>(source, seq)</c> and correlated into the open
/// case of the same principal or host), record identity lifecycle events, move cases along their lifecycle
/// (<c>open -> triaged -> contained -> resolved -> closed</c>, and reopen), read and list cases. Every write carries an
/// idempotency key, so transient failures are retried with the very same arguments; a repeat is answered, never applied twice.
/// </summary>
/// <remarks>
/// Errors: <see cref="InvalidEventException"/> for malformed input (thrown before anything is sent when the SDK can tell),
/// <see cref="InvalidTransitionException"/> for a move the lifecycle forbids, <see cref="NotFoundException"/> for a case that
/// was never opened, <see cref="ConflictException"/> when <c>(source, seq)</c> was already used with another payload, and
/// <see cref="ClusterUnavailableException"/> when the cluster still failed transiently after every retry. Every error means
/// nothing was written.
/// </remarks>
public sealed class SecurityClient
{
    /// <summary>The default and largest number of cases <see cref="ListCasesAsync"/> answers.</summary>
    public const int DefaultListMax = 100;

    private readonly IGrainFactory _grains;
    private readonly RetryingGrainCall _call;
    private readonly TimeProvider _time;

    internal SecurityClient(IGrainFactory grains, ResiliencePipeline retry, TimeProvider time, Func<Exception, ClusterUnavailableException> unavailable)
    {
        _grains = grains;
        _call = new RetryingGrainCall(retry, unavailable);
        _time = time;
    }

    /// <summary>Checks an alert's shape without sending anything: tenant, source, seq, a principal or host, a rule.</summary>
    /// <param name="tenant">Tenant the alert belongs to.</param>
    /// <param name="alert">The alert to check.</param>
    /// <exception cref="InvalidEventException">naming the first thing wrong.</exception>
    public static void Validate(string tenant, AlertRaised alert)
    {
        EntityKey.Validate("tenant", tenant);
        if (alert is null)
        {
            throw new InvalidEventException("the alert is missing.");
        }
        ValidateKey(alert.Source, alert.Seq);
        if (alert.Principal is null && alert.Host is null)
        {
            throw new InvalidEventException($"({alert.Source}, {alert.Seq}): an alert names a principal, a host or both.");
        }
        if (alert.Principal is not null)
        {
            EntityKey.Validate("principal", alert.Principal);
        }
        if (alert.Host is not null)
        {
            EntityKey.Validate("host", alert.Host);
        }
        if (string.IsNullOrWhiteSpace(alert.Rule))
        {
            throw new InvalidEventException($"({alert.Source}, {alert.Seq}): rule is required.");
        }
    }

    /// <summary>
    /// Raises <paramref name="alert"/> in <paramref name="tenant"/>: it joins the open case of its principal or host, or opens
    /// a new case whose id is derived from the alert's key.
    /// </summary>
    /// <param name="tenant">Tenant the alert belongs to.</param>
    /// <param name="alert">The alert; <c>(Source, Seq)</c> is its idempotency key within the tenant.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the alert may still have been recorded.</param>
    /// <returns>The case it went to; <see cref="AlertOutcome.Duplicate"/> when this key was raised before.</returns>
    public Task<AlertOutcome> RaiseAlertAsync(string tenant, AlertRaised alert, CancellationToken cancellationToken = default)
    {
        Validate(tenant, alert);
        return _call.InvokeAsync(Intake(tenant), alert, static (g, a) => g.RaiseAlert(a), cancellationToken);
    }

    /// <summary>Raises an alert built from its parts (see <see cref="RaiseAlertAsync(string, AlertRaised, CancellationToken)"/>).</summary>
    /// <param name="tenant">Tenant the alert belongs to.</param>
    /// <param name="source">Detector or product that numbers its alerts (part of the idempotency key).</param>
    /// <param name="seq">Its sequence number, 1 or greater (part of the idempotency key).</param>
    /// <param name="severity">How bad it is.</param>
    /// <param name="rule">The detection rule that fired.</param>
    /// <param name="principal">The user or service account concerned, if any.</param>
    /// <param name="host">The machine concerned, if any.</param>
    /// <param name="occurredAt">When it was detected; default now, taken once so that every retry sends the same alert.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The case it went to.</returns>
    public Task<AlertOutcome> RaiseAlertAsync(
        string tenant,
        string source,
        long seq,
        AlertSeverity severity,
        string rule,
        string? principal = null,
        string? host = null,
        DateTimeOffset? occurredAt = null,
        CancellationToken cancellationToken = default) =>
        RaiseAlertAsync(tenant, new AlertRaised
        {
            Source = source,
            Seq = seq,
            OccurredAt = occurredAt ?? _time.GetUtcNow(),
            Severity = severity,
            Rule = rule,
            Principal = principal,
            Host = host,
        }, cancellationToken);

    /// <summary>Records an identity event (<see cref="PrincipalDisabled"/>, <see cref="CredentialsRotated"/>) on the principal's open case, if any.</summary>
    /// <param name="tenant">Tenant the principal belongs to.</param>
    /// <param name="identityEvent">The event; <c>(Source, Seq)</c> is its idempotency key within the tenant.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The case it was appended to, or none.</returns>
    public Task<IdentityOutcome> RecordAsync(string tenant, IdentityEvent identityEvent, CancellationToken cancellationToken = default)
    {
        EntityKey.Validate("tenant", tenant);
        if (identityEvent is null)
        {
            throw new InvalidEventException("the identity event is missing.");
        }
        ValidateKey(identityEvent.Source, identityEvent.Seq);
        EntityKey.Validate("principal", identityEvent.Principal);
        return _call.InvokeAsync(Intake(tenant), identityEvent, static (g, e) => g.Record(e), cancellationToken);
    }

    /// <summary>Reads one case.</summary>
    /// <param name="tenant">Tenant that owns the case.</param>
    /// <param name="caseId">The case id (as answered by <see cref="RaiseAlertAsync(string, AlertRaised, CancellationToken)"/>).</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The case, or null when it was never opened.</returns>
    public Task<SecurityCase?> GetCaseAsync(string tenant, string caseId, CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(Case(tenant, caseId), 0, static (g, _) => g.Get(), cancellationToken);

    /// <summary>Moves a case to <paramref name="to"/>; <c>(source, seq)</c> is the idempotency key of the move within the case.</summary>
    /// <param name="tenant">Tenant that owns the case.</param>
    /// <param name="caseId">The case id.</param>
    /// <param name="to">The target status (<see cref="CaseStatus.Open"/> reopens a resolved or closed case).</param>
    /// <param name="actor">Who moves it (an analyst, a playbook).</param>
    /// <param name="source">Who numbers the moves (a console, a SOAR tool).</param>
    /// <param name="seq">The move's sequence number, 1 or greater.</param>
    /// <param name="reason">Why, optional.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The case after the move.</returns>
    public Task<SecurityCase> TransitionAsync(
        string tenant,
        string caseId,
        CaseStatus to,
        string actor,
        string source,
        long seq,
        string? reason = null,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(source, seq);
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new InvalidEventException("actor is required.");
        }
        if (!Enum.IsDefined(to))
        {
            throw new InvalidEventException($"status {(int)to} is not one of {string.Join(", ", Enum.GetNames<CaseStatus>())}.");
        }
        return _call.InvokeAsync(Case(tenant, caseId), new CaseTransition(to, actor, reason, source, seq), static (g, t) => g.Transition(t), cancellationToken);
    }

    /// <summary>The tenant's cases, newest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="status">Only cases in this status; all when null.</param>
    /// <param name="max">At most this many, 1 to 1000.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The cases.</returns>
    public Task<IReadOnlyList<SecurityCase>> ListCasesAsync(string tenant, CaseStatus? status = null, int max = DefaultListMax, CancellationToken cancellationToken = default)
    {
        if (max is < 1 or > 1000)
        {
            throw new InvalidEventException($"max must be between 1 and 1000 (was {max}).");
        }
        return _call.InvokeAsync(Intake(tenant), (status, max), static (g, a) => g.ListCases(a.status, a.max), cancellationToken);
    }

    private static void ValidateKey(string? source, long seq)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new InvalidEventException("source is required.");
        }
        if (seq < 1)
        {
            throw new InvalidEventException($"seq must be 1 or greater (was {seq}).");
        }
    }

    private ISecurityIntakeGrain Intake(string tenant)
    {
        EntityKey.Validate("tenant", tenant);
        return _grains.GetGrain<ISecurityIntakeGrain>(tenant);
    }

    private ISecurityCaseGrain Case(string tenant, string caseId) => _grains.GetGrain<ISecurityCaseGrain>(EntityKey.Format(tenant, caseId));
}
