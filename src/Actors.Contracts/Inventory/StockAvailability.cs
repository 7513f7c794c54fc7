namespace Actors.Contracts.Inventory;

/// <summary>A SKU-location's stock: the buckets summed over its shards, and each shard's snapshot (index = shard number).</summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-availability")]
public sealed record StockAvailability(
    [property: Id(0)] string Key,
    [property: Id(1)] StockSnapshot Total,
    [property: Id(2)] IReadOnlyList<StockSnapshot> Shards);
