namespace Actors.Contracts.Reconciliation;

/// <summary>The ledger idempotency key of a correction posted to an account.</summary>
/// <param name="Source">The correction's source, e.g. <c>reconcile:2026-11:standard@1</c>.</param>
/// <param name="Seq">The correction's sequence number within that source (the mismatch kind's number).</param>
[GenerateSerializer, Immutable, Alias("reconciliation.adjustment-key")]
public sealed record AdjustmentKey(
    [property: Id(0)] string Source,
    [property: Id(1)] long Seq);
