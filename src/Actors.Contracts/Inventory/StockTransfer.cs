namespace Actors.Contracts.Inventory;

/// <summary>
/// Units moving from one shard of a SKU-location to another: sent (the sender's units left <see cref="Bucket"/> for
/// in transit), then received (the recipient's <see cref="Bucket"/> grew), then completed at the sender. Each step is one
/// ledger row keyed by <see cref="TransferId"/>, so repeating a step after a crash changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-transfer")]
public sealed record StockTransfer(
    [property: Id(0)] string TransferId,
    [property: Id(1)] int FromShard,
    [property: Id(2)] int ToShard,
    [property: Id(3)] StockBucket Bucket,
    [property: Id(4)] long Quantity,
    [property: Id(5)] DateTimeOffset SentAt)
{
    /// <summary>The buckets whose units may move between shards: available, and shipped (so returns can land anywhere).
    /// Reserved and committed units belong to a reservation, which lives on one shard.</summary>
    public static bool IsMovable(StockBucket bucket) => bucket is StockBucket.Available or StockBucket.Shipped;
}
