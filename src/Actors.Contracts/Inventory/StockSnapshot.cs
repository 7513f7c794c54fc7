namespace Actors.Contracts.Inventory;

/// <summary>
/// A read of one SKU-location's stock: the buckets after <see cref="Version"/> applied transitions, as of the time of the
/// latest one. A reservation made against version v either succeeds or is answered with a newer snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-snapshot")]
public sealed record StockSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] StockBuckets Buckets,
    [property: Id(2)] DateTimeOffset AsOf);
