using System.Collections.Concurrent;
using Actors.Ledger;

namespace Actors.IntegrationTests.Ledger;

/// <summary>
/// Wraps a real store to observe the batches a writer sends and to hold or fail a chosen batch, so group-commit tests
/// decide when a commit is in flight instead of hoping for timing.
/// </summary>
internal sealed class InterceptingLedgerStore(ILedgerStore inner) : ILedgerStore
{
    private readonly ConcurrentQueue<IReadOnlyList<LedgerAppend>> _batches = new();
    private int _count;

    /// <summary>Runs before batch number n (1-based) reaches the real store; may wait, or throw to fail the batch.</summary>
    public Func<int, IReadOnlyList<LedgerAppend>, Task>? BeforeBatch { get; init; }

    /// <summary>Every batch the store was asked to append, in order.</summary>
    public IReadOnlyList<IReadOnlyList<LedgerAppend>> Batches => [.. _batches];

    public IReadOnlyList<int> BatchSizes => [.. _batches.Select(b => b.Count)];

    public async Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<LedgerAppend> batch, CancellationToken cancellationToken)
    {
        _batches.Enqueue([.. batch]);
        var number = Interlocked.Increment(ref _count);
        if (BeforeBatch is { } before)
        {
            await before(number, batch);
        }
        return await inner.AppendBatchAsync(batch, cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string ledger, long fromPosition, int max, CancellationToken cancellationToken) =>
        inner.ReadLedgerAsync(ledger, fromPosition, max, cancellationToken);

    public Task<LedgerEntry?> FindAsync(string ledger, string source, long seq, CancellationToken cancellationToken) =>
        inner.FindAsync(ledger, source, seq, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadAllAsync(long fromGlobalPosition, int max, CancellationToken cancellationToken) =>
        inner.ReadAllAsync(fromGlobalPosition, max, cancellationToken);

    public Task<IReadOnlyList<string>> ListLedgersAsync(string prefix, string? after, int max, CancellationToken cancellationToken) =>
        inner.ListLedgersAsync(prefix, after, max, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadLedgersAsync(IReadOnlyList<string> ledgers, CancellationToken cancellationToken) =>
        inner.ReadLedgersAsync(ledgers, cancellationToken);

    public Task<long> ReadHeadAsync(CancellationToken cancellationToken) => inner.ReadHeadAsync(cancellationToken);
}
