using System.Data.Common;
using Actors.Contracts.Reconciliation;
using Microsoft.Data.Sqlite;

namespace Actors.Ledger.Reconciliation;

/// <summary>
/// Reconciliation results, their audit trail and runs in a SQLite file (the <c>local</c> profile; may share the ledger's
/// file). Every call uses a pooled connection of its own; writes begin with <c>BEGIN IMMEDIATE</c>, so writers, from this
/// process or another, take turns on the file's one write lock (waiting up to the busy timeout) and a transition's
/// compare-and-set on the status cannot interleave with another. WAL lets reads run beside a writer.
/// </summary>
/// <remarks>Timestamps are kept in UTC at microsecond resolution, like <see cref="PostgresReconciliationStore"/>.</remarks>
public sealed class SqliteReconciliationStore : SqlReconciliationStore
{
    private readonly SqliteDatabaseFile _file;

    /// <summary>A store in the SQLite file at <paramref name="databasePath"/>, created when missing.</summary>
    /// <param name="databasePath">A file path, not a connection string; relative paths are resolved against the current directory.</param>
    public SqliteReconciliationStore(string databasePath)
        : base(TimestampColumn.UnixMicroseconds, ReconciliationSchemaScript.Sqlite)
    {
        _file = new SqliteDatabaseFile(databasePath);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => _file.Path;

    /// <inheritdoc />
    /// <remarks>
    /// Two prepared statements per row in one transaction: an insert that skips existing keys (its change count says
    /// whether the key was new) and, for an existing key, an update that only touches open or acknowledged rows whose
    /// figures differ. SQLite runs in-process, so a statement per row costs microseconds, not a round trip.
    /// </remarks>
    public override async Task<int> RecordAsync(IReadOnlyList<Mismatch> found, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var rows = StoredMismatch.FromBatch(found);
        if (rows.Count == 0)
        {
            return 0;
        }
        var atMicroseconds = LedgerTimestamp.ToUnixMicroseconds(LedgerTimestamp.Normalize(at));
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            $"INSERT INTO reconciliation_results ({KeyColumns}, status, currency, correction_minor, lines, detected_at, updated_at) " +
            "VALUES ($tenant, $account, $window, $plan, $kind, $open, $currency, $correction, $lines, $at, $at) " +
            "ON CONFLICT DO NOTHING";
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText =
            "UPDATE reconciliation_results SET currency = $currency, correction_minor = $correction, lines = $lines, updated_at = $at " +
            "WHERE tenant = $tenant AND account = $account AND billing_window = $window AND price_plan = $plan AND kind = $kind " +
            "AND status IN ($open, $acknowledged) " +
            "AND (currency IS NOT $currency OR correction_minor IS NOT $correction OR lines IS NOT $lines)";
        var insertRow = new SqliteResultRowParameters(insert, atMicroseconds);
        var updateRow = new SqliteResultRowParameters(update, atMicroseconds);
        update.Parameters.AddWithValue("$acknowledged", ExceptionStatus.Acknowledged.Name());
        insert.Prepare();
        update.Prepare();

        var added = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insertRow.Bind(row);
            if (insert.ExecuteNonQuery() == 1)
            {
                added++;
                continue;
            }
            updateRow.Bind(row);
            update.ExecuteNonQuery();
        }
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    // BEGIN IMMEDIATE already holds the file's write lock, so a transition's row needs no lock of its own.
    private protected override string RowLock => string.Empty;

    // WAL lets reads run beside a writer. It is kept in the file, so once is enough, and cannot change inside a transaction.
    private protected override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        await wal.ExecuteNonQueryAsync(cancellationToken);
    }

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken);

    // Per connection, not per file: FULL fsyncs every commit, so an acknowledged transition survives a power cut;
    // busy_timeout makes a writer wait for another (the ledger's, another process's) instead of failing;
    // foreign_keys lets the audit trail's reference to its result be enforced.
    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        _file.OpenAsync("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;", cancellationToken);
}
