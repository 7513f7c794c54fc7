using Orleans.Concurrency;

namespace Actors.Contracts.Security;

/// <summary>
/// The security intake of one tenant (keyed by the tenant id): deduplicates alerts and identity events by
/// <c>(Source, Seq)</c>, appends them to the tenant's intake ledger, and correlates each alert into the open case of the
/// same principal or host, opening a new case when there is none. Errors: malformed input throws
/// <see cref="Errors.InvalidEventException"/>; an idempotency key reused with another payload throws
/// <see cref="Errors.ConflictException"/>. Every error means nothing was written.
/// </summary>
[Alias("security.intake-grain")]
public interface ISecurityIntakeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records <paramref name="alert"/> and correlates it into a case. A repeat answers the original case with
    /// <c>Duplicate = true</c> and changes nothing. A new case's id is derived from the alert's key, so a retry never opens two.
    /// </summary>
    [Alias("raise-alert")]
    Task<AlertOutcome> RaiseAlert(AlertRaised alert);

    /// <summary>Records an identity event on the principal's open case, or on the intake ledger only when it has none.</summary>
    [Alias("record-identity")]
    Task<IdentityOutcome> Record(IdentityEvent identityEvent);

    /// <summary>The tenant's cases (optionally only those in <paramref name="status"/>), newest first, at most <paramref name="max"/>.</summary>
    [Alias("list-cases"), ReadOnly]
    Task<IReadOnlyList<SecurityCase>> ListCases(CaseStatus? status, int max);
}
