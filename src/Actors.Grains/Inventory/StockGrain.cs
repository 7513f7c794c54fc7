using Actors.Contracts.Inventory;
using Orleans.Concurrency;

namespace Actors.Grains.Inventory;

/// <summary>The door to a SKU-location's stock; routes to its shards.</summary>
[StatelessWorker]
public sealed class StockGrain : Grain, IStockGrain
{
    private IStockBucketGrain Shard0 => GrainFactory.GetGrain<IStockBucketGrain>(this.GetPrimaryKeyString());

    public Task<StockRecordOutcome> Record(StockEvent stockEvent) => Shard0.Record(stockEvent);

    public Task<ReservationOutcome> Reserve(string reservationId, long quantity, TimeSpan ttl) => Shard0.Reserve(reservationId, quantity, ttl);

    public Task<ReservationOutcome> Confirm(string reservationId) => Shard0.Confirm(reservationId);

    public Task<ReservationOutcome> Release(string reservationId) => Shard0.Release(reservationId);

    public Task<StockSnapshot> GetSnapshot() => Shard0.GetSnapshot();

    public async Task<StockAvailability> GetAvailability()
    {
        var snapshot = await Shard0.GetSnapshot();
        return new StockAvailability(this.GetPrimaryKeyString(), snapshot, [snapshot]);
    }
}
