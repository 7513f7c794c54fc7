using System.Collections.Concurrent;
using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Actors.Grains.Inventory;
using Actors.Tests.Clusters;
using Orleans.Core.Internal;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Actors.Tests.Inventory;

/// <summary>
/// A silo that hosts stock shards dies while a checkout crowd is reserving. Callers retry a failed call with the same
/// reservation id until they get an answer, as the SDK does; afterwards the books must balance: nothing promised twice,
/// nothing acknowledged and lost, no unit invented or dropped, on a sharded and on an unsharded SKU.
/// </summary>
public sealed class StockSiloKillTests(ITestOutputHelper output)
{
    private const short Silos = 3;
    private const long Received = 500;
    private const int Shoppers = 1_500;
    private const int AcknowledgedBeforeKill = 100;

    // Checkouts run this many at a time, as a shop's front end would: the sale is still going when the silo dies,
    // however fast the cluster answers.
    private const int InFlight = 32;
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // Why each retried call failed, so a run that never recovers says what it kept hitting.
    private readonly ConcurrentDictionary<string, int> _retried = new();
    private DateTime _deadline;

    [Theory]
    [InlineData(4)]
    [InlineData(1)]
    public async Task Killing_a_silo_mid_checkout_keeps_every_unit_accounted_for(int shards)
    {
        var sku = $"hot-{shards}";
        await using var cluster = await ShardedStockCluster.StartAsync(Silos, sku, shards);
        _deadline = DateTime.UtcNow + Patience;
        var (key, victim) = await LocationWithShardsOffThePrimaryAsync(cluster, sku);
        var stock = cluster.Client.GetGrain<IStockGrain>(key);
        await stock.Record(new StockReceived { Source = "wms", Seq = 1, OccurredAt = DateTimeOffset.UtcNow, Quantity = Received });

        _deadline = DateTime.UtcNow + Patience;
        var acknowledged = 0;
        using var gate = new SemaphoreSlim(InFlight);
        var checkouts = Enumerable.Range(0, Shoppers).Select(i => Task.Run(async () =>
        {
            await gate.WaitAsync();
            try
            {
                var answer = await CheckoutAsync(stock, $"order-{i}");
                if (answer.Held is not null)
                {
                    Interlocked.Increment(ref acknowledged);
                }
                return answer;
            }
            finally
            {
                gate.Release();
            }
        })).ToList();

        await Eventually.Until(
            () => Task.FromResult((Acknowledged: Volatile.Read(ref acknowledged), Done: checkouts.All(c => c.IsCompleted))),
            s => s.Acknowledged >= AcknowledgedBeforeKill || s.Done, Patience, $"{AcknowledgedBeforeKill} acknowledged reservations");
        var inFlightAtKill = checkouts.Count(c => !c.IsCompleted);
        await cluster.Cluster.KillSiloAsync(victim);
        var answers = await Task.WhenAll(checkouts);

        Assert.True(inFlightAtKill > 0, "every checkout had finished before the kill: the test did not kill anything mid-checkout.");
        Assert.False(_retried.IsEmpty, "no call failed: the kill did not interrupt any checkout, so the failover went untested.");
        var held = answers.Where(a => a.Held is not null).Select(a => a.Held!).ToList();
        Assert.All(held, h => Assert.Equal((ReservationStatus.Reserved, 1L), (h.Status, h.Quantity)));
        Assert.Equal(Shoppers, answers.Count(a => (a.Held is null) != (a.Refused is null)));
        var ids = held.Select(h => h.ReservationId).ToHashSet();
        Assert.Equal(held.Count, ids.Count);
        Assert.InRange(ids.Count, AcknowledgedBeforeKill, Received);

        await Eventually.Until(() => ActiveSilosAsync(cluster), active => active.Count == Silos - 1 && !active.Contains(victim.SiloAddress),
            Patience, "the cluster dropping the killed silo");
        AssertBooksHold(await UntilAnsweredAsync(stock.GetAvailability), ids.Count);

        // A move between shards cut by the kill leaves units in transit until the rebalancer's next call finishes it (no
        // timer does); a top-up of one unit is the smallest such call, and it returns only when every move it made is done.
        await UntilAnsweredAsync(() => cluster.Client.GetGrain<IStockRebalancerGrain>(key).TopUp(0, StockBucket.Available, 1));
        var settled = await UntilAnsweredAsync(stock.GetAvailability);
        AssertBooksBalance(settled, ids.Count);

        // Every acknowledged reservation is on the books: asking again answers with the original, takes nothing more.
        var repeats = await Task.WhenAll(ids.Select(id => UntilAnsweredAsync(() => stock.Reserve(id, 1, Ttl))));
        Assert.All(repeats, r => Assert.Equal((true, 1L, ReservationStatus.Reserved), (r.Duplicate, r.Quantity, r.Status)));
        Assert.Equal(settled.Total.Buckets, (await UntilAnsweredAsync(stock.GetSnapshot)).Buckets);

        // A fresh read: every shard re-activated from its snapshot and ledger tells the same story.
        await DeactivateShardsAsync(cluster, key, settled.Shards.Count);
        var reactivated = await UntilAnsweredAsync(stock.GetAvailability);
        AssertBooksBalance(reactivated, ids.Count);
        Assert.Equal(settled.Total.Buckets, reactivated.Total.Buckets);
        Assert.Equal(shards, reactivated.Shards.Count);
        output.WriteLine($"{key}: killed {victim.SiloAddress} with {inFlightAtKill} checkouts in flight; {ids.Count} held, {Shoppers - ids.Count} refused; " +
            $"retried {string.Join(", ", _retried.Select(r => $"{r.Value} x {r.Key}"))}; books {reactivated.Total.Buckets}");
    }

    /// <summary>
    /// What holds at any moment, a transfer between shards half done included: the held units are exactly the acknowledged
    /// reservations, no bucket is negative, and the units outside transit never exceed what was received (nothing phantom)
    /// while adding those in transit never falls short of it (nothing lost; a unit in flight may be counted at both ends).
    /// </summary>
    private static void AssertBooksHold(StockAvailability availability, int acknowledged)
    {
        var total = availability.Total.Buckets;
        Assert.Equal(acknowledged, total.Reserved);
        Assert.InRange(total.Available + total.Reserved, 0, Received);
        Assert.InRange(total.Available + total.Reserved + total.InTransit, Received, long.MaxValue);
        Assert.Equal((0L, 0L, 0L), (total.Committed, total.Shipped, total.Damaged));
        foreach (var buckets in availability.Shards.Select(s => s.Buckets).Append(total))
        {
            Assert.True(buckets is { Available: >= 0, Reserved: >= 0, Committed: >= 0, Shipped: >= 0, Damaged: >= 0, InTransit: >= 0 }, $"a negative bucket: {buckets}");
        }
        Assert.Equal(total, availability.Shards.Select(s => s.Buckets).Aggregate(StockBuckets.Empty, (sum, b) => sum.Plus(b)));
    }

    /// <summary>With no transfer open, every received unit is either available or held by an acknowledged reservation.</summary>
    private static void AssertBooksBalance(StockAvailability availability, int acknowledged)
    {
        AssertBooksHold(availability, acknowledged);
        Assert.Equal(0, availability.Total.Buckets.InTransit);
        Assert.Equal(Received, availability.Total.Buckets.Available + availability.Total.Buckets.Reserved);
    }

    private async Task<(ReservationOutcome? Held, InsufficientStockException? Refused)> CheckoutAsync(IStockGrain stock, string reservationId) =>
        await UntilAnsweredAsync(async () =>
        {
            try
            {
                return (await stock.Reserve(reservationId, 1, Ttl), (InsufficientStockException?)null);
            }
            catch (InsufficientStockException refusal)
            {
                return ((ReservationOutcome?)null, refusal);
            }
        });

    /// <summary>
    /// Repeats <paramref name="call"/> until it answers. A domain error (conflict, invalid) is an answer the test must see, so
    /// it is thrown; anything else (the silo died under the call, a stale activation stepped aside) is retried unchanged, as
    /// the SDK's callers do: the reservation id keeps the retry idempotent.
    /// </summary>
    private async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception failure) when (failure is not ActorsException)
            {
                _retried.AddOrUpdate(failure.GetType().Name, 1, (_, n) => n + 1);
                if (DateTime.UtcNow > _deadline)
                {
                    throw new TimeoutException($"no answer within {Patience} after retrying {string.Join(", ", _retried.Select(r => $"{r.Value} x {r.Key}"))}.", failure);
                }
                await Task.Delay(RetryBackoff);
            }
        }
    }

    /// <summary>
    /// A SKU-location of <paramref name="sku"/> with shards on a silo other than the primary, and that silo (the one with the
    /// most of them). Placement is the cluster's choice and follows the key (the client's gateway for the key, then local
    /// placement), so locations are tried in turn, activated by a read, until one lands elsewhere: killing a silo that hosts
    /// no shard would test only the client's failover.
    /// </summary>
    private async Task<(string Key, InProcessSiloHandle Victim)> LocationWithShardsOffThePrimaryAsync(ShardedStockCluster cluster, string sku)
    {
        var primary = cluster.Primary.SiloAddress;
        for (var location = 1; location <= 20; location++)
        {
            var key = StockKey.Format("kill", sku, $"dc-{location}");
            var shards = (await cluster.Client.GetGrain<IStockGrain>(key).GetAvailability()).Shards.Count;
            var hosts = await ShardHostsAsync(cluster, key, shards);
            var elsewhere = hosts.Where(h => !h.Equals(primary)).GroupBy(h => h).OrderByDescending(g => g.Count()).FirstOrDefault();
            if (elsewhere is not null)
            {
                return (key, cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(elsewhere.Key)));
            }
        }
        throw new InvalidOperationException($"the shards of 20 locations of {sku} all activated on the primary silo.");
    }

    private async Task<List<SiloAddress>> ShardHostsAsync(ShardedStockCluster cluster, string key, int shards)
    {
        var ids = ShardGrains(cluster, key, shards).Select(g => g.GetGrainId()).ToHashSet();
        var statistics = await UntilAnsweredAsync(() => cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics());
        return statistics.Where(s => ids.Contains(s.GrainId)).Select(s => s.SiloAddress).ToList();
    }

    private async Task<IReadOnlyCollection<SiloAddress>> ActiveSilosAsync(ShardedStockCluster cluster) =>
        (await UntilAnsweredAsync(() => cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true))).Keys;

    // Waits until no silo hosts a shard any more, so the next read cannot reach an old activation's memory.
    private async Task DeactivateShardsAsync(ShardedStockCluster cluster, string key, int shards)
    {
        foreach (var shard in ShardGrains(cluster, key, shards))
        {
            await UntilAnsweredAsync(async () =>
            {
                await shard.Cast<IGrainManagementExtension>().DeactivateOnIdle();
                return true;
            });
        }
        await Eventually.Until(() => ShardHostsAsync(cluster, key, shards), hosts => hosts.Count == 0, TimeSpan.FromSeconds(10), $"deactivation of the shards of {key}");
    }

    private static IEnumerable<IStockBucketGrain> ShardGrains(ShardedStockCluster cluster, string key, int shards) =>
        Enumerable.Range(0, shards).Select(k => cluster.Client.GetGrain<IStockBucketGrain>(StockKey.Shard(key, k)));
}
