using System.Diagnostics;
using System.Threading.Channels;
using Actors.Contracts.Billing;

namespace Actors.Ledger.Projections;

/// <summary>
/// Tails the ledger by global position into the <c>balances</c> projection. Each batch and its checkpoint are written in
/// one transaction, so a runner that dies between batches is replaced by a new one that resumes at the checkpoint.
/// One runner per projection in a cluster; a second one fails on the checkpoint guard rather than double counting.
/// </summary>
public sealed class ProjectionRunner
{
    /// <summary>Rows per transaction while tailing, when the caller does not say.</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>
    /// Rows per transaction while rebuilding, when the caller does not say. Large, because a rebuild's cost is the rows it
    /// writes: folding many ledger rows per transaction turns each account's hundreds of events into one upsert.
    /// </summary>
    public const int DefaultRebuildBatchSize = 250_000;

    /// <summary>Ledger rows per read while rebuilding (reads run a few pages ahead of the fold).</summary>
    /// <remarks>
    /// Small pages and a short read-ahead keep the rows in flight few, so they die young: with 20,000-row pages four deep,
    /// the garbage collector's pauses took a third of the rebuild's time (measured with the <c>rebuild</c> benchmark).
    /// </remarks>
    public const int RebuildPageSize = 2_000;

    private const int ReadAhead = 2;

    // Keys a rebuild remembers having written (about 100 bytes each), so later batches insert new keys without a conflict check.
    private const int MaxKeysRemembered = 2_000_000;

    private static readonly KeyValuePair<string, object?> ProjectionTag = new("projection", BalancesTable.ProjectionName);
    private static readonly KeyValuePair<string, object?> TailTag = new("pass", "tail");
    private static readonly KeyValuePair<string, object?> RebuildTag = new("pass", "rebuild");

    private readonly ILedgerStore _ledger;
    private readonly IBalancesProjectionStore _store;

    /// <summary>A runner reading <paramref name="ledger"/> into <paramref name="store"/>.</summary>
    public ProjectionRunner(ILedgerStore ledger, IBalancesProjectionStore store)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(store);
        _ledger = ledger;
        _store = store;
    }

    /// <summary>
    /// Applies the ledger rows after <paramref name="version"/>'s checkpoint, in batches, up to the head as read at the
    /// start, and returns the new checkpoint. Creates the version (with the current logic version) when it is missing.
    /// </summary>
    public async Task<long> CatchUpAsync(int version, int batchSize, CancellationToken cancellationToken)
    {
        await _store.EnsureVersionAsync(version, BalanceEffect.LogicVersion, cancellationToken);
        var result = await TailAsync(version, batchSize, budget: null, cancellationToken);
        return result.Checkpoint;
    }

    /// <summary>
    /// One tailing pass over an existing <paramref name="version"/>: applies batches of up to <paramref name="batchSize"/>
    /// rows from its checkpoint towards the head read at the start, until it reaches it or <paramref name="budget"/> has
    /// passed (the next pass continues). Cheap when there is nothing to do: two single-row reads.
    /// </summary>
    /// <exception cref="InvalidOperationException">when <paramref name="version"/> does not exist.</exception>
    /// <exception cref="ProjectionCheckpointConflictException">when another runner moved the checkpoint meanwhile.</exception>
    public async Task<TailResult> TailAsync(int version, int batchSize, TimeSpan? budget, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var checkpoint = await _store.ReadCheckpointAsync(version, cancellationToken)
            ?? throw new InvalidOperationException($"balances version {version} does not exist; create it before tailing it.");
        var head = await _ledger.ReadHeadAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        long applied = 0;
        var fold = new BalancesFold();
        while (checkpoint < head && (budget is null || clock.Elapsed < budget))
        {
            var rows = await _ledger.ReadAllAsync(checkpoint + 1, batchSize, cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }
            fold.Clear();
            fold.AddRange(rows);
            checkpoint = await ApplyAsync(version, checkpoint, fold, TailTag, cancellationToken);
            applied += rows.Count;
        }
        return new TailResult(version, checkpoint, head, applied);
    }

    /// <summary>
    /// <see cref="RebuildAsync(int, int, IProgress{RebuildProgress}?, CancellationToken)"/> with
    /// <see cref="DefaultRebuildBatchSize"/> rows per transaction.
    /// </summary>
    public Task<RebuildResult> RebuildAsync(int newVersion, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken) =>
        RebuildAsync(newVersion, DefaultRebuildBatchSize, progress, cancellationToken);

    /// <summary>
    /// Replays the whole ledger into <paramref name="newVersion"/>, catches up with rows appended meanwhile, then makes it
    /// the active version in one transaction. Readers keep using the old version until then. After the switch the version
    /// it replaced is kept (readers may still be in the middle of a read of it) and every other inactive version is
    /// dropped. An interrupted rebuild resumes from the new version's checkpoint when run again.
    /// </summary>
    /// <param name="newVersion">The version to build; created with the current logic version when missing.</param>
    /// <param name="batchSize">Ledger rows folded into one transaction.</param>
    /// <param name="progress">Told after every page of rows replayed.</param>
    /// <param name="cancellationToken">Stops the rebuild between pages; what was committed stays, for a later resume.</param>
    /// <exception cref="ArgumentException">when <paramref name="newVersion"/> is already the active version.</exception>
    public async Task<RebuildResult> RebuildAsync(int newVersion, int batchSize, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var replaced = await _store.ReadActiveVersionAsync(cancellationToken);
        if (replaced == newVersion)
        {
            throw new ArgumentException($"version {newVersion} of the balances projection is already active; rebuild into a new version.", nameof(newVersion));
        }
        var clock = Stopwatch.StartNew();
        var checkpoint = await _store.EnsureVersionAsync(newVersion, BalanceEffect.LogicVersion, cancellationToken);
        // Checkpoint 0 means nothing was ever committed to the version: every key this run writes first is new to it.
        var written = checkpoint == 0 ? new WrittenKeys(MaxKeysRemembered) : null;
        long replayed = 0;
        (checkpoint, replayed) = await ReplayAsync(newVersion, checkpoint, batchSize, written, progress, replayed, cancellationToken);
        // The first pass stops at the head it saw; rows appended while it ran are applied now, so the switch loses
        // nothing the old version already had (the old one keeps tailing until the switch, the new one after it).
        (checkpoint, replayed) = await ReplayAsync(newVersion, checkpoint, batchSize, written, progress, replayed, cancellationToken);
        await _store.ActivateAsync(newVersion, cancellationToken);
        clock.Stop();
        await DropRetiredAsync(newVersion, replaced, cancellationToken);
        return new RebuildResult(newVersion, replayed, clock.Elapsed, checkpoint);
    }

    private async Task DropRetiredAsync(int active, int? replaced, CancellationToken cancellationToken)
    {
        foreach (var version in await _store.ReadVersionsAsync(cancellationToken))
        {
            if (version.Version != active && version.Version != replaced && !version.Active)
            {
                await _store.DropVersionAsync(version.Version, cancellationToken);
            }
        }
    }

    // A pipeline of four stages on their own tasks: read pages, decode them, fold them into batches, write the batches.
    // Each stage waits only for its neighbours, so reading, decoding and writing overlap instead of taking turns.
    private async Task<(long Checkpoint, long Replayed)> ReplayAsync(
        int version, long checkpoint, int batchSize, WrittenKeys? written, IProgress<RebuildProgress>? progress, long replayed, CancellationToken cancellationToken)
    {
        var head = await _ledger.ReadHeadAsync(cancellationToken);
        if (checkpoint >= head)
        {
            return (checkpoint, replayed);
        }
        var pages = Channel.CreateBounded<IReadOnlyList<LedgerEntry>>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        var decoded = Channel.CreateBounded<DecodedPage>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        var batches = Channel.CreateBounded<FoldedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pageSize = Math.Min(batchSize, RebuildPageSize);
        Task[] stages =
        [
            Task.Run(() => Stage(pages.Writer, ct => ReadPagesAsync(checkpoint, head, pageSize, pages.Writer, ct), stop.Token), CancellationToken.None),
            Task.Run(() => Stage(decoded.Writer, ct => DecodePagesAsync(pages.Reader, decoded.Writer, ct), stop.Token), CancellationToken.None),
            Task.Run(() => Stage(batches.Writer, ct => FoldPagesAsync(decoded.Reader, batches.Writer, batchSize, written, head, replayed, progress, ct), stop.Token), CancellationToken.None),
        ];
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                await _store.ApplyAsync(version, checkpoint, batch.Batch, batch.Checkpoint, cancellationToken);
                ProjectionInstruments.EventsApplied.Add(batch.Rows, ProjectionTag, RebuildTag);
                checkpoint = batch.Checkpoint;
                replayed += batch.Rows;
            }
            return (checkpoint, replayed);
        }
        finally
        {
            // Stops the other stages when this one failed; they report their own failures through their channels and never throw.
            stop.Cancel();
            await Task.WhenAll(stages);
        }
    }

    // Runs a stage and completes its output with the stage's failure, which the next stage rethrows when it reads.
    private static async Task Stage<T>(ChannelWriter<T> output, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await run(cancellationToken);
        }
        catch (Exception stageFailure)
        {
            failure = stageFailure;
        }
        finally
        {
            output.TryComplete(failure);
        }
    }

    private async Task ReadPagesAsync(long checkpoint, long head, int pageSize, ChannelWriter<IReadOnlyList<LedgerEntry>> pages, CancellationToken cancellationToken)
    {
        var next = checkpoint + 1;
        while (next <= head)
        {
            var rows = await _ledger.ReadAllAsync(next, pageSize, cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }
            // The pass replays up to the head it read at its start; later rows are for the next pass (or the tail).
            var last = rows[^1].GlobalPosition;
            if (last > head)
            {
                rows = rows.Where(r => r.GlobalPosition <= head).ToList();
            }
            await pages.WriteAsync(rows, cancellationToken);
            next = last + 1;
        }
    }

    private static async Task DecodePagesAsync(ChannelReader<IReadOnlyList<LedgerEntry>> pages, ChannelWriter<DecodedPage> decoded, CancellationToken cancellationToken)
    {
        await foreach (var page in pages.ReadAllAsync(cancellationToken))
        {
            var events = new BillingEvent?[page.Count];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = BalancesFold.Decode(page[i]);
            }
            await decoded.WriteAsync(new DecodedPage(page, events), cancellationToken);
        }
    }

    private static async Task FoldPagesAsync(
        ChannelReader<DecodedPage> decoded, ChannelWriter<FoldedBatch> batches, int batchSize, WrittenKeys? written, long head, long replayed,
        IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var fold = new BalancesFold();
        await foreach (var page in decoded.ReadAllAsync(cancellationToken))
        {
            for (var i = 0; i < page.Rows.Count; i++)
            {
                fold.Add(page.Rows[i], page.Events[i]);
            }
            replayed += page.Rows.Count;
            progress?.Report(new RebuildProgress(replayed, fold.LastGlobalPosition, head));
            if (fold.Rows >= batchSize)
            {
                await batches.WriteAsync(new FoldedBatch(fold.ToBatch(written), fold.Rows, fold.LastGlobalPosition), cancellationToken);
                fold.Clear();
            }
        }
        if (fold.Rows > 0)
        {
            await batches.WriteAsync(new FoldedBatch(fold.ToBatch(written), fold.Rows, fold.LastGlobalPosition), cancellationToken);
        }
    }

    private async Task<long> ApplyAsync(int version, long checkpoint, BalancesFold fold, KeyValuePair<string, object?> pass, CancellationToken cancellationToken)
    {
        var next = fold.LastGlobalPosition;
        await _store.ApplyAsync(version, checkpoint, fold.ToBatch(), next, cancellationToken);
        ProjectionInstruments.EventsApplied.Add(fold.Rows, ProjectionTag, pass);
        return next;
    }

    private sealed record DecodedPage(IReadOnlyList<LedgerEntry> Rows, BillingEvent?[] Events);

    private sealed record FoldedBatch(BalancesBatch Batch, long Rows, long Checkpoint);
}
