namespace Actors.Contracts.Inventory;

/// <summary>Unit counts per bucket at one SKU-location; every count is non-negative.</summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-buckets")]
public sealed record StockBuckets(
    [property: Id(0)] long Available,
    [property: Id(1)] long Reserved,
    [property: Id(2)] long Committed,
    [property: Id(3)] long Shipped,
    [property: Id(4)] long Damaged)
{
    /// <summary>No stock at all.</summary>
    public static StockBuckets Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Every unit on the books, whatever its bucket.</summary>
    public long Total => checked(Available + Reserved + Committed + Shipped + Damaged);
}
