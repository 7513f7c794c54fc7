namespace Actors.Contracts.Reconciliation;

/// <summary>Who moved an exception from one status to another, when and why. Audit rows are never changed.</summary>
/// <param name="Key">The exception.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who (a person's or service's name).</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="Reason">Why, in the actor's words.</param>
[GenerateSerializer, Immutable, Alias("reconciliation.audit-entry")]
public sealed record ExceptionAuditEntry(
    [property: Id(0)] ReconciliationKey Key,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] ExceptionStatus From,
    [property: Id(4)] ExceptionStatus To,
    [property: Id(5)] string Reason);
