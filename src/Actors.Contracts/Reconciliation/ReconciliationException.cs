namespace Actors.Contracts.Reconciliation;

/// <summary>
/// A stored reconciliation result and its exception workflow. While open or acknowledged its figures follow the latest
/// run; once resolved or dismissed it is final and later runs leave it unchanged.
/// </summary>
/// <param name="Mismatch">What was found (latest figures).</param>
/// <param name="Status">Where the exception is in its workflow.</param>
/// <param name="DetectedAt">When a run first found it.</param>
/// <param name="UpdatedAt">When its figures or status last changed.</param>
/// <param name="Adjustment">The correction's ledger key (<c>source</c>, <c>seq</c>) once resolving posted one.</param>
[GenerateSerializer, Immutable, Alias("reconciliation.exception")]
public sealed record ReconciliationException(
    [property: Id(0)] Mismatch Mismatch,
    [property: Id(1)] ExceptionStatus Status,
    [property: Id(2)] DateTimeOffset DetectedAt,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] AdjustmentKey? Adjustment)
{
    /// <summary>The result's identity.</summary>
    public ReconciliationKey Key => Mismatch.Key;
}
