using Orleans.Concurrency;

namespace Actors.Contracts.Inventory;

/// <summary>
/// The stock of one SKU at one location, keyed <c>tenant/sku@location</c> (see <see cref="StockKey"/>). Units move between
/// buckets in one turn, every transition is appended to the SKU-location's ledger before it takes effect, and the total is
/// conserved. Errors: a malformed call or one the reservation's state forbids throws
/// <see cref="Errors.InvalidEventException"/>; an idempotency key reused with another payload throws
/// <see cref="Errors.ConflictException"/>; too little stock throws <see cref="Errors.InsufficientStockException"/>.
/// Every error means nothing was written.
/// </summary>
[Alias("inventory.stock-bucket")]
public interface IStockBucketGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records <paramref name="stockEvent"/> once it is on the ledger. A repeat of the same <c>(Source, Seq)</c> answers
    /// with <c>Duplicate = true</c> and changes nothing; a transition the buckets cannot take (more than available, a
    /// dispatch of an unconfirmed reservation) is invalid.
    /// </summary>
    [Alias("record")]
    Task<StockRecordOutcome> Record(StockEvent stockEvent);

    /// <summary>
    /// Holds <paramref name="quantity"/> available units for <paramref name="ttl"/>. <paramref name="reservationId"/> is the
    /// idempotency key: a retry with the same quantity returns the reservation with <c>Duplicate = true</c> and takes no
    /// more units; another quantity is a conflict. Unconfirmed, the units return to available after the TTL.
    /// </summary>
    [Alias("reserve")]
    Task<ReservationOutcome> Reserve(string reservationId, long quantity, TimeSpan ttl);

    /// <summary>Moves a held, unexpired reservation's units to committed; confirming again is a duplicate.</summary>
    [Alias("confirm")]
    Task<ReservationOutcome> Confirm(string reservationId);

    /// <summary>Gives a held reservation's units back to available; releasing again (or after expiry) is a duplicate.</summary>
    [Alias("release")]
    Task<ReservationOutcome> Release(string reservationId);

    /// <summary>The buckets at the latest applied transition.</summary>
    [Alias("snapshot"), ReadOnly]
    Task<StockSnapshot> GetSnapshot();

    /// <summary>
    /// Sends <paramref name="quantity"/> units of <paramref name="bucket"/> (available or shipped) towards shard
    /// <paramref name="toShard"/> of the same SKU-location: they leave the bucket for in transit. Sending the same id again
    /// answers the same transfer; too few units throws <see cref="Errors.InsufficientStockException"/>. Called by the
    /// SKU-location's rebalancer only.
    /// </summary>
    [Alias("send-transfer")]
    Task<StockTransfer> SendTransfer(string transferId, int toShard, StockBucket bucket, long quantity);

    /// <summary>Takes in a transfer sent by another shard; receiving the same id again changes nothing.</summary>
    [Alias("receive-transfer")]
    Task<StockSnapshot> ReceiveTransfer(StockTransfer transfer);

    /// <summary>Closes a transfer this shard sent, once its recipient holds the units; completing again changes nothing.</summary>
    [Alias("complete-transfer")]
    Task<StockSnapshot> CompleteTransfer(string transferId);

    /// <summary>The transfers this shard sent that are not completed yet (what a rebalancer must finish after a crash).</summary>
    [Alias("open-transfers"), ReadOnly]
    Task<IReadOnlyList<StockTransfer>> GetOpenTransfers();
}
