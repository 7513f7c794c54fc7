using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Actors.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Inventory;

/// <summary>
/// Moves units between the shards of one SKU-location. Not reentrant on purpose: one transfer at a time, so when it reads
/// the shards no transfer of its own is half-done, and "the shards together do not hold that many" is a true answer.
/// </summary>
public sealed class StockRebalancerGrain(
    [PersistentState("stock-layout", ActorsGrainOptions.StorageName)] IPersistentState<StockLayoutState> layout,
    IOptions<InventoryOptions> options,
    ILogger<StockRebalancerGrain> logger) : Grain, IStockRebalancerGrain
{
    private string _key = "";
    private bool _openTransfersChecked;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        var (_, sku, _) = StockKey.Parse(_key);
        var configured = options.Value.ShardsFor(sku);
        if (layout.State.Shards == 0)
        {
            layout.State.Shards = configured;
            await layout.WriteStateAsync(cancellationToken);
        }
        else if (layout.State.Shards != configured)
        {
            logger.LogWarning(
                "{Key} keeps its {Shards} shards although the configuration now says {Configured}: reservations are placed by a hash of their id over the shard count, so it cannot change once stock was taken.",
                _key, layout.State.Shards, configured);
        }
    }

    public Task<int> GetShardCount() => Task.FromResult(layout.State.Shards);

    public async Task<bool> TopUp(int shard, StockBucket bucket, long quantity)
    {
        if (shard < 0 || shard >= layout.State.Shards || quantity <= 0 || !StockTransfer.IsMovable(bucket))
        {
            throw new InvalidEventException($"{_key}: cannot top up shard {shard} with {quantity} {bucket} units ({layout.State.Shards} shards).");
        }
        await FinishOpenTransfersAsync();
        // Each round empties at least one donor's contribution or meets the need, so shards - 1 rounds suffice; the
        // extra round covers a donor that lost units to a reservation between the read and the send.
        for (var round = 0; round < layout.State.Shards; round++)
        {
            var snapshots = await ReadShardsAsync();
            var have = snapshots[shard].Buckets[bucket];
            if (have >= quantity)
            {
                return true;
            }
            var total = snapshots.Sum(s => s.Buckets[bucket]);
            if (total < quantity)
            {
                return false;
            }
            var donor = Enumerable.Range(0, snapshots.Length).Where(i => i != shard).MaxBy(i => snapshots[i].Buckets[bucket]);
            var spare = snapshots[donor].Buckets[bucket];
            // The need, or half the gap to the donor when that is more: the shard that ran dry is where callers are.
            var move = Math.Min(spare, Math.Max(quantity - have, (spare - have) / 2));
            await MoveAsync(donor, shard, bucket, move);
        }
        return (await Shard(shard).GetSnapshot()).Buckets[bucket] >= quantity;
    }

    public async Task Level()
    {
        await FinishOpenTransfersAsync();
        var shards = layout.State.Shards;
        for (var round = 0; round < 2 * shards; round++)
        {
            var snapshots = await ReadShardsAsync();
            var available = snapshots.Select(s => s.Buckets.Available).ToArray();
            var fair = available.Sum() / shards;
            var poorest = Array.IndexOf(available, available.Min());
            var richest = Array.IndexOf(available, available.Max());
            var move = Math.Min(available[richest] - fair, fair - available[poorest]);
            if (move <= 0)
            {
                return;
            }
            await MoveAsync(richest, poorest, StockBucket.Available, move);
        }
    }

    private async Task MoveAsync(int from, int to, StockBucket bucket, long quantity)
    {
        var transferId = Guid.NewGuid().ToString("N");
        StockTransfer transfer;
        try
        {
            transfer = await Shard(from).SendTransfer(transferId, to, bucket, quantity);
        }
        catch (InsufficientStockException)
        {
            // A reservation took the donor's units after the read; nothing was sent. The caller reads again.
            return;
        }
        catch
        {
            // The send may or may not be on the sender's ledger: look at its open transfers before the next move.
            _openTransfersChecked = false;
            throw;
        }
        await DeliverAsync(transfer);
    }

    private async Task DeliverAsync(StockTransfer transfer)
    {
        try
        {
            await Shard(transfer.ToShard).ReceiveTransfer(transfer);
            await Shard(transfer.FromShard).CompleteTransfer(transfer.TransferId);
            InventoryInstruments.UnitsTransferred(transfer.Quantity);
        }
        catch
        {
            _openTransfersChecked = false;
            throw;
        }
    }

    /// <summary>Finishes the transfers a previous activation (or a failed call) left open: units in transit reach their shard.</summary>
    private async Task FinishOpenTransfersAsync()
    {
        if (_openTransfersChecked)
        {
            return;
        }
        var open = await Task.WhenAll(Enumerable.Range(0, layout.State.Shards).Select(i => Shard(i).GetOpenTransfers()));
        foreach (var transfer in open.SelectMany(t => t))
        {
            logger.LogInformation("{Key}: finishing transfer {Transfer} of {Quantity} {Bucket} units from shard {From} to {To}, left open by an interrupted move.",
                _key, transfer.TransferId, transfer.Quantity, transfer.Bucket, transfer.FromShard, transfer.ToShard);
            await DeliverAsync(transfer);
        }
        _openTransfersChecked = true;
    }

    private async Task<StockSnapshot[]> ReadShardsAsync() =>
        await Task.WhenAll(Enumerable.Range(0, layout.State.Shards).Select(i => Shard(i).GetSnapshot()));

    private IStockBucketGrain Shard(int shard) => GrainFactory.GetGrain<IStockBucketGrain>(StockKey.Shard(_key, shard));
}
