using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Actors.Grains.Inventory;
using Actors.Tests.Clusters;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace Actors.Tests.Inventory;

public sealed class ShardedStockTests(ShardedStockFixture fixture) : IClassFixture<ShardedStockFixture>
{
    private static readonly TimeSpan LongTtl = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static string HotKey() => StockKey.Format("t1", ShardedStockFixture.HotSku, "dc-" + Guid.NewGuid().ToString("N")[..8]);

    private IStockGrain Stock(string key) => fixture.Client.GetGrain<IStockGrain>(key);

    private static StockReceived Receipt(long seq, long quantity) =>
        new() { Source = "wms", Seq = seq, OccurredAt = DateTimeOffset.UtcNow, Quantity = quantity };

    [Fact]
    public async Task Ten_thousand_concurrent_reservations_for_a_thousand_units_over_four_shards_grant_exactly_a_thousand()
    {
        var key = HotKey();
        var stock = Stock(key);
        await stock.Record(Receipt(1, 1_000));
        // The sale opens once the receipt is spread, so every shard sells its own share and the load is really split.
        await Eventually.Until(stock.GetAvailability, a => a.Shards.All(s => s.Buckets.Available == 250), Patience, "the receipt to be levelled");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10_000).Select(i => TryReserve(stock, $"checkout-{i}", 1)));

        var granted = attempts.OfType<ReservationOutcome>().ToList();
        Assert.Equal(1_000, granted.Count);
        Assert.Equal(9_000, attempts.Count(a => a is InsufficientStockException));
        Assert.All(granted, g => Assert.Equal((ReservationStatus.Reserved, false, 1L), (g.Status, g.Duplicate, g.Quantity)));
        var availability = await Eventually.Until(stock.GetAvailability, a => a.Total.Buckets.InTransit == 0, Patience, "transfers to settle");
        Assert.Equal(ShardedStockFixture.HotShards, availability.Shards.Count);
        Assert.Equal(new StockBuckets(Available: 0, Reserved: 1_000, Committed: 0, Shipped: 0, Damaged: 0), availability.Total.Buckets);
        // Every shard took reservations: the hot SKU's load was really spread.
        Assert.All(availability.Shards, shard => Assert.True(shard.Buckets.Reserved > 0, $"shard holds no reservation: {shard}"));

        // Retries of every granted reservation return the original answer and hold nothing more.
        var retries = await Task.WhenAll(granted.Select(g => stock.Reserve(g.ReservationId, 1, LongTtl)));
        Assert.All(retries, r => Assert.Equal((ReservationStatus.Reserved, true), (r.Status, r.Duplicate)));
        Assert.Equal(availability.Total.Buckets, (await stock.GetSnapshot()).Buckets);
    }

    [Fact]
    public async Task A_receipt_is_spread_over_the_shards_and_a_dry_shard_is_topped_up_from_the_others()
    {
        var key = HotKey();
        var stock = Stock(key);
        await stock.Record(Receipt(1, 100));

        var spread = await Eventually.Until(stock.GetAvailability, a => a.Shards.All(s => s.Buckets.Available == 25), Patience, "the receipt to be levelled over four shards");
        Assert.Equal(100, spread.Total.Buckets.Available);

        // One reservation bigger than any shard's share is served by moving units to the shard that owns it.
        var big = await stock.Reserve("big-order", 90, LongTtl);
        Assert.Equal((ReservationStatus.Reserved, 90L), (big.Status, big.Quantity));
        var after = await stock.GetAvailability();
        Assert.Equal(new StockBuckets(Available: 10, Reserved: 90, Committed: 0, Shipped: 0, Damaged: 0), after.Total.Buckets);
        Assert.Equal(90, after.Shards[ReservationHome.ShardOf("big-order", ShardedStockFixture.HotShards)].Buckets.Reserved);

        var refusal = await Assert.ThrowsAsync<InsufficientStockException>(() => stock.Reserve("too-big", 11, LongTtl));
        Assert.Equal(key, refusal.Entity);
        Assert.Equal(10, refusal.Current.Buckets.Available);
    }

    [Fact]
    public async Task Confirm_release_dispatch_and_expiry_reach_the_shard_that_holds_the_reservation()
    {
        var stock = Stock(HotKey());
        await stock.Record(Receipt(1, 40));
        var ids = Enumerable.Range(0, 8).Select(i => $"order-{i}").ToList();
        foreach (var id in ids)
        {
            await stock.Reserve(id, 2, LongTtl);
        }
        await stock.Reserve("lapsing", 4, TimeSpan.FromMilliseconds(300));

        Assert.Equal(ReservationStatus.Confirmed, (await stock.Confirm(ids[0])).Status);
        Assert.Equal(ReservationStatus.Released, (await stock.Release(ids[1])).Status);
        Assert.True((await stock.Confirm(ids[0])).Duplicate);
        await stock.Record(new ShipmentDispatched { Source = "wms-ship", Seq = 1, OccurredAt = DateTimeOffset.UtcNow, ReservationId = ids[0] });

        var settled = await Eventually.Until(stock.GetSnapshot, s => s.Buckets.Reserved == 12, Patience, "the lapsing reservation to expire");
        Assert.Equal(new StockBuckets(Available: 40 - 12 - 2, Reserved: 12, Committed: 0, Shipped: 2, Damaged: 0), settled.Buckets);
    }

    [Fact]
    public async Task Events_that_take_units_are_served_when_shard_zero_passed_its_units_on()
    {
        var stock = Stock(HotKey());
        await stock.Record(Receipt(1, 100));
        await Eventually.Until(stock.GetAvailability, a => a.Shards[0].Buckets.Available == 25, Patience, "levelling");

        await stock.Record(new StockAdjusted { Source = "count", Seq = 1, OccurredAt = DateTimeOffset.UtcNow, Delta = -60 });
        await stock.Record(new DamageRecorded { Source = "count", Seq = 2, OccurredAt = DateTimeOffset.UtcNow, Quantity = 30 });
        var again = await stock.Record(new StockAdjusted { Source = "count", Seq = 1, OccurredAt = DateTimeOffset.UtcNow, Delta = -60 });

        Assert.True(again.Duplicate);
        var total = (await Eventually.Until(stock.GetAvailability, a => a.Total.Buckets.InTransit == 0, Patience, "transfers to settle")).Total;
        Assert.Equal(new StockBuckets(Available: 10, Reserved: 0, Committed: 0, Shipped: 0, Damaged: 30), total.Buckets);
        await Assert.ThrowsAsync<InvalidEventException>(() =>
            stock.Record(new StockAdjusted { Source = "count", Seq = 3, OccurredAt = DateTimeOffset.UtcNow, Delta = -11 }));
    }

    [Fact]
    public async Task A_sku_keeps_the_shard_count_it_started_with()
    {
        var hot = HotKey();
        var cold = StockKey.Format("t1", "cold", "dc-1");

        Assert.Equal(ShardedStockFixture.HotShards, await fixture.Client.GetGrain<IStockRebalancerGrain>(hot).GetShardCount());
        Assert.Equal(1, await fixture.Client.GetGrain<IStockRebalancerGrain>(cold).GetShardCount());
        Assert.Single((await Stock(cold).GetAvailability()).Shards);
    }

    [Fact]
    public async Task A_transfer_left_half_done_by_a_rebalancer_that_died_is_finished_by_its_next_activation()
    {
        var key = HotKey();
        var stock = Stock(key);
        await stock.Record(Receipt(1, 40));
        await Eventually.Until(stock.GetAvailability, a => a.Shards.All(s => s.Buckets.Available == 10), Patience, "levelling");
        // The rebalancer's first step of a move, and then it dies: the units are in transit, promised to nobody.
        var sender = fixture.Client.GetGrain<IStockBucketGrain>(StockKey.Shard(key, 1));
        var rebalancer = fixture.Client.GetGrain<IStockRebalancerGrain>(key);
        await sender.SendTransfer("interrupted", toShard: 2, StockBucket.Available, 6);
        await DeactivateAsync(rebalancer);

        var stranded = await stock.GetAvailability();
        Assert.Equal((4L, 6L), (stranded.Shards[1].Buckets.Available, stranded.Shards[1].Buckets.InTransit));
        Assert.Equal(40, stranded.Total.Buckets.Total);
        Assert.Single(await sender.GetOpenTransfers());

        // The next call that needs the rebalancer finishes the open transfer before it moves anything else.
        Assert.True(await rebalancer.TopUp(2, StockBucket.Available, 16));
        var after = await stock.GetAvailability();
        Assert.Empty(await sender.GetOpenTransfers());
        Assert.Equal(0, after.Total.Buckets.InTransit);
        Assert.Equal(40, after.Total.Buckets.Available);
        Assert.True(after.Shards[2].Buckets.Available >= 16);
        // A repeated step of the finished transfer changes nothing.
        Assert.Equal(after.Shards[2], await fixture.Client.GetGrain<IStockBucketGrain>(StockKey.Shard(key, 2))
            .ReceiveTransfer(new StockTransfer("interrupted", 1, 2, StockBucket.Available, 6, DateTimeOffset.UtcNow)));
    }

    private async Task DeactivateAsync(IGrain grain)
    {
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        var id = grain.GetGrainId();
        Task<bool> IsActive() => management.GetDetailedGrainStatistics().ContinueWith(t => t.Result.Any(s => s.GrainId == id), TaskScheduler.Default);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.Until(IsActive, active => !active, Patience, "deactivation of the rebalancer");
    }

    private static async Task<object> TryReserve(IStockGrain stock, string id, long quantity)
    {
        try
        {
            return await stock.Reserve(id, quantity, LongTtl);
        }
        catch (InsufficientStockException refusal)
        {
            return refusal;
        }
    }
}
