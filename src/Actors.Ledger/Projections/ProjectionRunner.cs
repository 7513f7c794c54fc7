using System.Diagnostics;

namespace Actors.Ledger.Projections;

/// <summary>
/// Tails the ledger by global position into the <c>balances</c> projection. Each batch and its checkpoint are written in
/// one transaction, so a runner that dies between batches is replaced by a new one that resumes at the checkpoint.
/// One runner per projection in a cluster; a second one fails on the checkpoint guard rather than double counting.
/// </summary>
public sealed class ProjectionRunner
{
    /// <summary>Rows read per batch when the caller does not say.</summary>
    public const int DefaultBatchSize = 1000;

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
    /// start, and returns the new checkpoint. Creates the version when it is missing.
    /// </summary>
    public async Task<long> CatchUpAsync(int version, int batchSize, CancellationToken cancellationToken)
    {
        var (checkpoint, _) = await CatchUpCountingAsync(version, batchSize, progress: null, replayedBefore: 0, cancellationToken);
        return checkpoint;
    }

    /// <summary>
    /// Replays the whole ledger into <paramref name="newVersion"/>, catches up with rows appended meanwhile, then makes it
    /// the active version in one transaction. Readers keep using the old version until then. An interrupted rebuild
    /// resumes from the new version's checkpoint when run again.
    /// </summary>
    /// <exception cref="ArgumentException">when <paramref name="newVersion"/> is already the active version.</exception>
    public async Task<RebuildResult> RebuildAsync(int newVersion, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        if (await _store.ReadActiveVersionAsync(cancellationToken) == newVersion)
        {
            throw new ArgumentException($"version {newVersion} of the balances projection is already active; rebuild into a new version.", nameof(newVersion));
        }
        var clock = Stopwatch.StartNew();
        var (checkpoint, replayed) = await CatchUpCountingAsync(newVersion, DefaultBatchSize, progress, 0, cancellationToken);
        // The first pass stops at the head it saw; rows appended while it ran are applied now, so the switch loses
        // nothing the old version already had (the old one keeps tailing until the switch, the new one after it).
        (checkpoint, replayed) = await CatchUpCountingAsync(newVersion, DefaultBatchSize, progress, replayed, cancellationToken);
        await _store.ActivateAsync(newVersion, cancellationToken);
        clock.Stop();
        return new RebuildResult(newVersion, replayed, clock.Elapsed, checkpoint);
    }

    /// <summary>The balances of one account from the active version, or null when the account has none.</summary>
    /// <exception cref="InvalidOperationException">when no version of the projection exists yet.</exception>
    public async Task<AccountBalanceRow?> GetBalanceAsync(string tenant, string account, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        var active = await _store.ReadActiveVersionAsync(cancellationToken)
            ?? throw new InvalidOperationException("the balances projection has no version yet: catch up or rebuild it first.");
        return await _store.ReadBalanceAsync(active, tenant, account, cancellationToken);
    }

    private async Task<(long Checkpoint, long Replayed)> CatchUpCountingAsync(
        int version, int batchSize, IProgress<RebuildProgress>? progress, long replayedBefore, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var checkpoint = await _store.EnsureVersionAsync(version, cancellationToken);
        var head = await _ledger.ReadHeadAsync(cancellationToken);
        var replayed = replayedBefore;
        while (checkpoint < head)
        {
            var rows = await _ledger.ReadAllAsync(checkpoint + 1, batchSize, cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }
            var next = rows[^1].GlobalPosition;
            await _store.ApplyAsync(version, checkpoint, BalanceEffect.Fold(rows), next, cancellationToken);
            checkpoint = next;
            replayed += rows.Count;
            progress?.Report(new RebuildProgress(replayed, checkpoint, head));
        }
        return (checkpoint, replayed);
    }
}
