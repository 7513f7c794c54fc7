using Actors.Ledger;

namespace Actors.IntegrationTests.Projections;

/// <summary>
/// A ledger store that runs a test's script before each <see cref="ReadAllAsync"/> (numbered from 1, with the position it
/// reads from), to crash a runner between batches, hold a rebuild at a known point or append rows while it runs;
/// everything else goes to the real store.
/// </summary>
internal sealed class ScriptedLedgerStore(ILedgerStore inner, Func<int, long, CancellationToken, Task> beforeReadAll) : ILedgerStore
{
    public ScriptedLedgerStore(ILedgerStore inner, Func<int, CancellationToken, Task> beforeReadAll)
        : this(inner, (read, _, ct) => beforeReadAll(read, ct))
    {
    }

    private int _reads;

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<LedgerAppend> batch, CancellationToken cancellationToken) =>
        inner.AppendBatchAsync(batch, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string ledger, long fromPosition, int max, CancellationToken cancellationToken) =>
        inner.ReadLedgerAsync(ledger, fromPosition, max, cancellationToken);

    public Task<LedgerEntry?> FindAsync(string ledger, string source, long seq, CancellationToken cancellationToken) =>
        inner.FindAsync(ledger, source, seq, cancellationToken);

    public async Task<IReadOnlyList<LedgerEntry>> ReadAllAsync(long fromGlobalPosition, int max, CancellationToken cancellationToken)
    {
        await beforeReadAll(Interlocked.Increment(ref _reads), fromGlobalPosition, cancellationToken);
        return await inner.ReadAllAsync(fromGlobalPosition, max, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListLedgersAsync(string prefix, string? after, int max, CancellationToken cancellationToken) =>
        inner.ListLedgersAsync(prefix, after, max, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadLedgersAsync(IReadOnlyList<string> ledgers, CancellationToken cancellationToken) =>
        inner.ReadLedgersAsync(ledgers, cancellationToken);

    public Task<long> ReadHeadAsync(CancellationToken cancellationToken) => inner.ReadHeadAsync(cancellationToken);
}
