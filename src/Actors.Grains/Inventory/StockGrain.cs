using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Actors.Grains.Telemetry;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Actors.Grains.Inventory;

/// <summary>
/// The door to a SKU-location's stock. It holds no state of its own (a reentrant stateless worker, so a hot SKU's door is
/// never the bottleneck: a non-reentrant worker would let only one call per activation wait on a shard): it routes each call to the shard that owns it and, for a sharded SKU-location, asks the rebalancer for
/// units when a shard runs dry.
/// </summary>
/// <remarks>
/// A reservation lives on the shard its id hashes to (<see cref="ReservationHome"/>): the id stays an idempotency key
/// checked by one grain, so a retry can never hold units twice on two shards. What moves when that shard runs dry is the
/// units, not the reservation. Stock events other than a reservation's dispatch land on shard 0, whose ledger then is the
/// SKU-location's receiving book; the rebalancer spreads what arrives.
/// </remarks>
[StatelessWorker, Reentrant]
public sealed class StockGrain(IOptions<InventoryOptions> options) : Grain, IStockGrain
{
    /// <summary>How many times a sold-out answer is re-read before it is trusted while the shards keep changing.</summary>
    private const int StableReadAttempts = 3;

    private string _key = "";
    private int _shards;

    // The shard versions of the last read proven stable (two reads, nothing moved in between). A sold-out SKU-location
    // refuses every further checkout; while the versions stay the same, one read proves it again instead of two.
    private long[]? _stableVersions;

    // Top-ups this activation has asked the rebalancer for and not yet heard back about, by shard and quantity. When a
    // shard runs dry, every checkout homed there is refused at once; they wait on one request instead of queueing
    // dozens at the rebalancer, which moves units one transfer at a time.
    private readonly Dictionary<(int Shard, long Quantity), Task<bool>> _topUps = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        StockKey.Parse(_key);
        _shards = await Rebalancer.GetShardCount();
    }

    private IStockRebalancerGrain Rebalancer => GrainFactory.GetGrain<IStockRebalancerGrain>(this.GetPrimaryKeyString());

    public async Task<StockRecordOutcome> Record(StockEvent stockEvent)
    {
        ArgumentNullException.ThrowIfNull(stockEvent);
        if (_shards == 1)
        {
            return await Shard(0).Record(stockEvent);
        }
        if (stockEvent is ShipmentDispatched { ReservationId: { Length: > 0 } reservationId })
        {
            return await Shard(ReservationHome.ShardOf(reservationId, _shards)).Record(stockEvent);
        }
        if (UnitsTakenBy(stockEvent) is { } need && (await Shard(0).GetSnapshot()).Buckets[need.Bucket] < need.Quantity)
        {
            // The receiving shard may have passed its units on; bring them back rather than refuse what the SKU-location holds.
            await Rebalancer.TopUp(0, need.Bucket, need.Quantity);
        }
        var outcome = await Shard(0).Record(stockEvent);
        if (!outcome.Duplicate && AddsAvailableUnits(stockEvent))
        {
            await Rebalancer.Level();
        }
        return outcome;
    }

    public Task<ReservationOutcome> Reserve(string reservationId, long quantity, TimeSpan ttl) =>
        Counted(ReserveAsync(reservationId, quantity, ttl), InventoryInstruments.Reserved);

    public Task<ReservationOutcome> Confirm(string reservationId) =>
        Counted(Shard(HomeOf(reservationId)).Confirm(reservationId), InventoryInstruments.Confirmed);

    public Task<ReservationOutcome> Release(string reservationId) =>
        Counted(Shard(HomeOf(reservationId)).Release(reservationId), InventoryInstruments.Released);

    private async Task<ReservationOutcome> ReserveAsync(string reservationId, long quantity, TimeSpan ttl)
    {
        if (string.IsNullOrEmpty(reservationId))
        {
            throw new InvalidEventException($"{_key}: a reservation needs an id.");
        }
        var home = HomeOf(reservationId);
        var shard = Shard(home);
        // A sharded SKU-location refuses only on proof that the shards together lack the units (a stable read, or the
        // rebalancer finding too few). Losing a topped-up unit to another checkout is not proof: that checkout made
        // progress, so retrying ends, in a reservation or in a sold-out proof. Past TopUpAttempts the retries back off.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await shard.Reserve(reservationId, quantity, ttl);
            }
            catch (InsufficientStockException) when (_shards > 1)
            {
                if (await SoldOutAsync(quantity) is { } soldOut)
                {
                    throw new InsufficientStockException(_key, quantity, soldOut);
                }
                if (attempt > options.Value.TopUpAttempts)
                {
                    await Task.Delay(BackOff(attempt - options.Value.TopUpAttempts));
                }
                if (!await TopUpAsync(home, quantity))
                {
                    throw new InsufficientStockException(_key, quantity, Sum(await ReadShardsAsync()));
                }
            }
        }
    }

    private Task<bool> TopUpAsync(int shard, long quantity)
    {
        // Turns of one activation never run in parallel (only interleave at awaits), so the dictionary needs no lock.
        if (_topUps.TryGetValue((shard, quantity), out var running))
        {
            return running;
        }
        var topUp = AskAsync();
        _topUps[(shard, quantity)] = topUp;
        return topUp;

        async Task<bool> AskAsync()
        {
            try
            {
                return await Rebalancer.TopUp(shard, StockBucket.Available, quantity);
            }
            finally
            {
                _topUps.Remove((shard, quantity));
            }
        }
    }

    // Randomised so checkouts that keep losing the same units to each other stop colliding; capped, so a call stays short.
    private static TimeSpan BackOff(int round) => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1 + Math.Min(50, 5 * round)));

    public async Task<StockSnapshot> GetSnapshot() => Sum(await ReadShardsAsync());

    public async Task<StockAvailability> GetAvailability()
    {
        var shards = await ReadShardsAsync();
        return new StockAvailability(_key, Sum(shards), shards);
    }

    /// <summary>
    /// The summed snapshot when the shards together hold fewer than <paramref name="quantity"/> available units, read twice
    /// with no version moving in between (a transfer caught between its steps could otherwise hide units); null otherwise,
    /// including when the shards would not hold still: then the rebalancer, which moves units one transfer at a time, decides.
    /// </summary>
    private async Task<StockSnapshot?> SoldOutAsync(long quantity)
    {
        var before = await ReadShardsAsync();
        for (var attempt = 0; attempt < StableReadAttempts; attempt++)
        {
            if (before.Sum(s => s.Buckets.Available + s.Buckets.InTransit) >= quantity)
            {
                return null;
            }
            var versions = before.Select(s => s.Version).ToArray();
            if (_stableVersions is { } stable && stable.SequenceEqual(versions))
            {
                return Sum(before);
            }
            var after = await ReadShardsAsync();
            if (versions.SequenceEqual(after.Select(s => s.Version)))
            {
                _stableVersions = versions;
                return Sum(after);
            }
            before = after;
        }
        return null;
    }

    // Counted once per caller's call at the door, however many shards and top-ups it took.
    private static async Task<ReservationOutcome> Counted(Task<ReservationOutcome> call, string success)
    {
        try
        {
            var outcome = await call;
            InventoryInstruments.ReservationSettled(outcome.Duplicate ? InventoryInstruments.Duplicate : success);
            return outcome;
        }
        catch (InsufficientStockException)
        {
            InventoryInstruments.ReservationSettled(InventoryInstruments.Insufficient);
            throw;
        }
        catch (ConflictException)
        {
            InventoryInstruments.ReservationSettled(InventoryInstruments.Conflict);
            throw;
        }
        catch (Exception refusal) when (refusal is InvalidEventException or NotFoundException)
        {
            InventoryInstruments.ReservationSettled(InventoryInstruments.Invalid);
            throw;
        }
    }

    private int HomeOf(string reservationId) => _shards == 1 ? 0 : ReservationHome.ShardOf(reservationId ?? "", _shards);

    private IStockBucketGrain Shard(int shard) => GrainFactory.GetGrain<IStockBucketGrain>(StockKey.Shard(_key, shard));

    private async Task<StockSnapshot[]> ReadShardsAsync() =>
        await Task.WhenAll(Enumerable.Range(0, _shards).Select(i => Shard(i).GetSnapshot()));

    private static StockSnapshot Sum(IReadOnlyList<StockSnapshot> shards) => new(
        shards.Sum(s => s.Version),
        shards.Select(s => s.Buckets).Aggregate(StockBuckets.Empty, (sum, b) => sum.Plus(b)),
        shards.Max(s => s.AsOf));

    // What an event takes out of a bucket that units can be moved into (returns and damage need shipped units on the shard).
    private static (StockBucket Bucket, long Quantity)? UnitsTakenBy(StockEvent e) => e switch
    {
        StockAdjusted { Delta: < 0 } adjusted => (StockBucket.Available, -adjusted.Delta),
        DamageRecorded { FromBucket: StockBucket.Available or StockBucket.Shipped } damaged => (damaged.FromBucket, damaged.Quantity),
        ReturnReceived returned => (StockBucket.Shipped, returned.Quantity),
        _ => null,
    };

    private static bool AddsAvailableUnits(StockEvent e) =>
        e is StockReceived or StockAdjusted { Delta: > 0 } or ReturnReceived { Damaged: false };
}
