using Actors.Contracts.Inventory;
using Orleans.Concurrency;

namespace Actors.Grains.Inventory;

/// <summary>
/// The one mover of units between the shards of a SKU-location (key <c>tenant/sku@location</c>), and the keeper of its
/// shard count. Shards never call each other; every transfer is driven from here, one at a time, as three idempotent
/// steps (send, receive, complete) keyed by a transfer id, so a crash between steps leaves units in transit, never lost:
/// the next call finishes what the sender still lists as open.
/// </summary>
[Alias("inventory.stock-rebalancer")]
public interface IStockRebalancerGrain : IGrainWithStringKey
{
    /// <summary>The SKU-location's shard count: fixed the first time it is asked for, from <see cref="InventoryOptions"/>.</summary>
    [Alias("shards")]
    Task<int> GetShardCount();

    /// <summary>
    /// Moves units of <paramref name="bucket"/> from the other shards to <paramref name="shard"/> until it holds at least
    /// <paramref name="quantity"/>, taking a fair share rather than the bare need so the next callers find units there.
    /// Returns false when the shards together do not hold that many (read with no transfer in flight).
    /// </summary>
    [Alias("top-up")]
    Task<bool> TopUp(int shard, StockBucket bucket, long quantity);

    /// <summary>Spreads available units evenly over the shards (after a receipt landed on shard 0).</summary>
    [Alias("level"), OneWay]
    Task Level();
}
