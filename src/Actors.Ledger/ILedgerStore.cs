namespace Actors.Ledger;

/// <summary>
/// The append-only ledger: one table for every entity's ledger, positions per ledger and global.
/// <c>(ledger, source, seq)</c> and <c>(ledger, position)</c> are unique.
/// </summary>
/// <remarks>
/// Every store keeps timestamps in UTC at microsecond resolution (PostgreSQL's timestamptz), so an entry's
/// <see cref="LedgerEntry.OccurredAt"/> is the appended value converted to UTC with anything below the microsecond dropped;
/// entries returned by <see cref="AppendBatchAsync"/> already carry the stored form. Payloads are kept
/// byte for byte. Global positions ascend in commit order and may have gaps.
/// </remarks>
public interface ILedgerStore
{
    /// <summary>Creates the schema if it is missing. Safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends all rows in ONE transaction and returns one result per row, in order. Returns only after the
    /// transaction is durably committed. A store failure throws and commits nothing.
    /// </summary>
    Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<LedgerAppend> batch, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> rows of <paramref name="ledger"/> with position ≥ <paramref name="fromPosition"/>, ascending.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string ledger, long fromPosition, int max, CancellationToken cancellationToken);

    /// <summary>The row with this idempotency key, or null.</summary>
    Task<LedgerEntry?> FindAsync(string ledger, string source, long seq, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> rows of all ledgers with global position ≥ <paramref name="fromGlobalPosition"/>, ascending.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadAllAsync(long fromGlobalPosition, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> distinct ledger ids that start with <paramref name="prefix"/> and sort after
    /// <paramref name="after"/> (ordinal; null: from the first), ascending. Pages through the ledgers of a tenant or kind,
    /// e.g. every <c>account/acme/</c> ledger.
    /// </summary>
    Task<IReadOnlyList<string>> ListLedgersAsync(string prefix, string? after, int max, CancellationToken cancellationToken);

    /// <summary>Every row of each of <paramref name="ledgers"/>, ordered by ledger (ordinal) then position.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadLedgersAsync(IReadOnlyList<string> ledgers, CancellationToken cancellationToken);

    /// <summary>The highest committed global position, 0 when empty.</summary>
    Task<long> ReadHeadAsync(CancellationToken cancellationToken);
}
