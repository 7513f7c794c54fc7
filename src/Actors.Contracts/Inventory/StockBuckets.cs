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

    /// <summary>
    /// Units a shard has sent to another shard of its SKU-location that the recipient has not yet been confirmed to hold.
    /// Not promisable; zero for an unsharded SKU-location. Summed over shards, a unit in flight may be counted both here
    /// (at the sender) and in the recipient's bucket, never in neither.
    /// </summary>
    [Id(5)] public long InTransit { get; init; }

    /// <summary>Every unit on the books, whatever its bucket (in transit included).</summary>
    public long Total => checked(Available + Reserved + Committed + Shipped + Damaged + InTransit);

    /// <summary>The bucket-wise sum of two shards' buckets.</summary>
    public StockBuckets Plus(StockBuckets other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new StockBuckets(
            checked(Available + other.Available), checked(Reserved + other.Reserved), checked(Committed + other.Committed),
            checked(Shipped + other.Shipped), checked(Damaged + other.Damaged))
        { InTransit = checked(InTransit + other.InTransit) };
    }

    /// <summary>The units in <paramref name="bucket"/>.</summary>
    public long this[StockBucket bucket] => bucket switch
    {
        StockBucket.Available => Available,
        StockBucket.Reserved => Reserved,
        StockBucket.Committed => Committed,
        StockBucket.Shipped => Shipped,
        StockBucket.Damaged => Damaged,
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "not a stock bucket"),
    };
}
