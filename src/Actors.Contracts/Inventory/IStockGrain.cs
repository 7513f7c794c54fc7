using Orleans.Concurrency;

namespace Actors.Contracts.Inventory;

/// <summary>
/// The stock of one SKU at one location, keyed <c>tenant/sku@location</c> (see <see cref="StockKey"/>): the one door callers
/// use, whether the SKU-location lives in one <see cref="IStockBucketGrain"/> or is split over several shards for a hot SKU.
/// A reservation lives on one shard chosen from its id, so the id stays an idempotency key; when that shard runs dry,
/// available units are moved to it from the others before the SKU-location answers <see cref="Errors.InsufficientStockException"/>.
/// Errors are those of <see cref="IStockBucketGrain"/>, and every error means nothing was written.
/// </summary>
[Alias("inventory.stock")]
public interface IStockGrain : IGrainWithStringKey
{
    /// <summary>Records a stock event once (see <see cref="IStockBucketGrain.Record"/>).</summary>
    [Alias("record")]
    Task<StockRecordOutcome> Record(StockEvent stockEvent);

    /// <summary>
    /// Holds <paramref name="quantity"/> units for <paramref name="ttl"/> (see <see cref="IStockBucketGrain.Reserve"/>). The
    /// outcome's snapshot is that of the shard holding the reservation; a refusal carries the snapshot of the whole SKU-location.
    /// </summary>
    [Alias("reserve")]
    Task<ReservationOutcome> Reserve(string reservationId, long quantity, TimeSpan ttl);

    /// <summary>Confirms a held reservation (see <see cref="IStockBucketGrain.Confirm"/>).</summary>
    [Alias("confirm")]
    Task<ReservationOutcome> Confirm(string reservationId);

    /// <summary>Releases a held reservation (see <see cref="IStockBucketGrain.Release"/>).</summary>
    [Alias("release")]
    Task<ReservationOutcome> Release(string reservationId);

    /// <summary>The SKU-location's buckets summed over its shards; the version is the sum of the shards' versions.</summary>
    [Alias("snapshot"), ReadOnly]
    Task<StockSnapshot> GetSnapshot();

    /// <summary>The summed snapshot and each shard's own.</summary>
    [Alias("availability"), ReadOnly]
    Task<StockAvailability> GetAvailability();
}
