using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Actors.Tests.Clusters;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace Actors.Tests.Inventory;

public sealed class StockBucketGrainTests(LocalClusterFixture fixture) : IClassFixture<LocalClusterFixture>
{
    private static readonly TimeSpan LongTtl = TimeSpan.FromMinutes(10);

    private IStockBucketGrain Bucket() =>
        fixture.Client.GetGrain<IStockBucketGrain>(StockKey.Format("t1", "sku-" + Guid.NewGuid().ToString("N")[..8], "store-1"));

    private static StockReceived Receipt(long seq, long quantity) =>
        new() { Source = "wms", Seq = seq, OccurredAt = DateTimeOffset.UtcNow, Quantity = quantity };

    [Fact]
    public async Task Concurrent_reservations_never_promise_more_than_was_received()
    {
        var bucket = Bucket();
        await bucket.Record(Receipt(1, 1_000));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(async i =>
        {
            try
            {
                return (Outcome: await bucket.Reserve($"checkout-{i}", 1, LongTtl), Refusal: (InsufficientStockException?)null);
            }
            catch (InsufficientStockException refusal)
            {
                return (Outcome: (ReservationOutcome?)null, Refusal: refusal);
            }
        }));

        var granted = attempts.Where(a => a.Outcome is not null).Select(a => a.Outcome!).ToList();
        var refused = attempts.Where(a => a.Refusal is not null).Select(a => a.Refusal!).ToList();
        Assert.Equal(1_000, granted.Count);
        Assert.Equal(1_000, refused.Count);
        Assert.All(granted, g => Assert.Equal((ReservationStatus.Reserved, false), (g.Status, g.Duplicate)));
        Assert.All(refused, r => Assert.Equal(0, r.Current.Buckets.Available));
        var snapshot = await bucket.GetSnapshot();
        Assert.Equal(new StockBuckets(Available: 0, Reserved: 1_000, Committed: 0, Shipped: 0, Damaged: 0), snapshot.Buckets);
        Assert.Equal(1 + 1_000, snapshot.Version);
    }

    [Fact]
    public async Task A_retried_reservation_returns_the_original_answer_and_another_quantity_is_a_conflict()
    {
        var bucket = Bucket();
        await bucket.Record(Receipt(1, 10));

        var original = await bucket.Reserve("r-1", 3, LongTtl);
        var retry = await bucket.Reserve("r-1", 3, LongTtl);
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => bucket.Reserve("r-1", 4, LongTtl));

        Assert.False(original.Duplicate);
        Assert.True(retry.Duplicate);
        Assert.Equal((original.ReservationId, original.Quantity, original.ExpiresAt, original.Status), (retry.ReservationId, retry.Quantity, retry.ExpiresAt, retry.Status));
        Assert.Equal("reservation/r-1", conflict.EventSource);
        var snapshot = await bucket.GetSnapshot();
        Assert.Equal(new StockBuckets(7, 3, 0, 0, 0), snapshot.Buckets);
        Assert.Equal(2, snapshot.Version);
    }

    [Fact]
    public async Task A_repeated_stock_event_is_a_duplicate_and_a_reused_key_is_a_conflict()
    {
        var bucket = Bucket();
        var receipt = Receipt(1, 10);

        var first = await bucket.Record(receipt);
        var again = await bucket.Record(receipt);
        await Assert.ThrowsAsync<ConflictException>(() => bucket.Record(Receipt(1, 11)));
        await Assert.ThrowsAsync<InvalidEventException>(() => bucket.Record(Receipt(2, 0)));

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Snapshot, again.Snapshot);
        Assert.Equal(new StockBuckets(10, 0, 0, 0, 0), (await bucket.GetSnapshot()).Buckets);
    }

    [Fact]
    public async Task Too_few_units_is_refused_with_the_current_snapshot()
    {
        var bucket = Bucket();
        await bucket.Record(Receipt(1, 2));

        var refusal = await Assert.ThrowsAsync<InsufficientStockException>(() => bucket.Reserve("big", 3, LongTtl));

        Assert.Equal(3, refusal.Requested);
        Assert.Equal(await bucket.GetSnapshot(), refusal.Current);
        Assert.Equal(2, refusal.Current.Buckets.Available);
    }

    [Fact]
    public async Task Confirm_and_release_move_the_units_between_buckets()
    {
        var bucket = Bucket();
        await bucket.Record(Receipt(1, 10));
        await bucket.Reserve("a", 3, LongTtl);
        await bucket.Reserve("b", 2, LongTtl);

        var confirmed = await bucket.Confirm("a");
        var released = await bucket.Release("b");

        Assert.Equal((ReservationStatus.Confirmed, false), (confirmed.Status, confirmed.Duplicate));
        Assert.Equal((ReservationStatus.Released, false), (released.Status, released.Duplicate));
        Assert.Equal(new StockBuckets(Available: 7, Reserved: 0, Committed: 3, Shipped: 0, Damaged: 0), released.Snapshot.Buckets);
        Assert.True((await bucket.Confirm("a")).Duplicate);
        Assert.True((await bucket.Release("b")).Duplicate);
        await Assert.ThrowsAsync<InvalidEventException>(() => bucket.Release("a"));
        await Assert.ThrowsAsync<NotFoundException>(() => bucket.Confirm("unknown"));

        var shipped = await bucket.Record(new ShipmentDispatched { Source = "wms", Seq = 2, OccurredAt = DateTimeOffset.UtcNow, ReservationId = "a" });
        Assert.Equal(new StockBuckets(7, 0, 0, 3, 0), shipped.Snapshot.Buckets);
    }

    [Fact]
    public async Task An_unconfirmed_reservation_expires_back_to_available()
    {
        var bucket = Bucket();
        await bucket.Record(Receipt(1, 5));
        await bucket.Reserve("short", 2, TimeSpan.FromMilliseconds(200));
        await bucket.Reserve("long", 1, LongTtl);

        var after = await Eventually.Until(bucket.GetSnapshot, s => s.Buckets.Reserved == 1, TimeSpan.FromSeconds(10), "expiry of the short reservation");

        Assert.Equal(new StockBuckets(Available: 4, Reserved: 1, Committed: 0, Shipped: 0, Damaged: 0), after.Buckets);
        Assert.Equal(4, after.Version);
        await Assert.ThrowsAsync<InvalidEventException>(() => bucket.Confirm("short"));
        var release = await bucket.Release("short");
        Assert.Equal((ReservationStatus.Expired, true), (release.Status, release.Duplicate));
    }

    [Fact]
    public async Task A_new_activation_replays_the_same_state_from_snapshot_and_ledger()
    {
        var bucket = Bucket();
        await bucket.Record(Receipt(1, 50));
        for (var i = 0; i < 12; i++)
        {
            await bucket.Reserve($"r-{i}", 2, LongTtl);
        }
        await bucket.Confirm("r-0");
        await bucket.Release("r-1");
        await bucket.Record(new StockAdjusted { Source = "count", Seq = 1, OccurredAt = DateTimeOffset.UtcNow, Delta = -3 });
        var before = await bucket.GetSnapshot();

        await DeactivateAsync(bucket);

        var after = await bucket.GetSnapshot();
        Assert.Equal(before, after);
        var retry = await bucket.Reserve("r-5", 2, LongTtl);
        Assert.Equal((ReservationStatus.Reserved, true), (retry.Status, retry.Duplicate));
        Assert.True((await bucket.Record(Receipt(1, 50))).Duplicate);
        Assert.Equal(before, await bucket.GetSnapshot());
        Assert.Equal(new StockBuckets(Available: 50 - 3 - 20 - 2, Reserved: 20, Committed: 2, Shipped: 0, Damaged: 0), after.Buckets);
    }

    [Fact]
    public async Task A_reservation_that_lapsed_while_the_grain_was_inactive_expires_on_activation()
    {
        var bucket = Bucket();
        await bucket.Record(Receipt(1, 5));
        var held = await bucket.Reserve("lapsing", 5, TimeSpan.FromMilliseconds(300));

        await DeactivateAsync(bucket);
        await Eventually.Until(() => Task.FromResult(DateTimeOffset.UtcNow), now => now > held.ExpiresAt, TimeSpan.FromSeconds(5), "the reservation's expiry time");

        var after = await bucket.GetSnapshot();
        Assert.Equal(new StockBuckets(5, 0, 0, 0, 0), after.Buckets);
        Assert.Equal(3, after.Version);
    }

    // Waits until no silo hosts an activation any more, so the next call cannot reach the old one's memory.
    private async Task DeactivateAsync(IStockBucketGrain bucket)
    {
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        var id = bucket.GetGrainId();
        Task<bool> IsActive() => management.GetDetailedGrainStatistics().ContinueWith(t => t.Result.Any(s => s.GrainId == id), TaskScheduler.Default);
        Assert.True(await IsActive());
        await bucket.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.Until(IsActive, active => !active, TimeSpan.FromSeconds(10), "deactivation of the stock bucket");
    }
}
