using Actors.Ledger.Schema;
using Microsoft.Data.Sqlite;

namespace Actors.Ledger;

/// <summary>
/// The ledger in one SQLite file (the <c>local</c> profile). One long-lived writer connection commits one batch at a time
/// (SQLite allows one writer per file anyway); reads use their own pooled connections, which WAL lets run beside the
/// writer. Commits are fsynced (<c>synchronous = FULL</c>): an append returns only once it survives a power cut.
/// </summary>
/// <remarks>
/// Timestamps are kept in UTC at microsecond resolution, like <see cref="PostgresLedgerStore"/>, so both profiles answer the
/// same values; entries returned by <see cref="AppendBatchAsync"/> already carry the stored form.
/// </remarks>
public sealed class SqliteLedgerStore : ILedgerStore, IAsyncDisposable, IDisposable
{
    private const string Columns = "global_position, ledger, tenant, position, source, seq, type, occurred_at, recorded_at, payload";

    // Bound per row of the multi-row INSERT; recorded_at is one parameter shared by the whole statement.
    private const int InsertParametersPerRow = 8;
    private const int LookupParametersPerRow = 3;

    // Statements are prepared once per size and reused; a batch is cut into the largest sizes that fit. SQLite looks every
    // named parameter up by a linear scan when binding, so a statement's binding cost grows with the square of its
    // parameter count: measured on 1000-row batches, 16-row statements beat single-row ones by ~25% and 256-row ones by
    // ~2.5x. (SQLite is in-process: there is no round trip to save, only per-statement overhead.)
    private static readonly int[] StatementRowCounts = [16, 4, 1];

    private readonly SqliteDatabaseFile _file;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Dictionary<int, SqliteCommand> _insertStatements = [];
    private readonly Dictionary<int, SqliteCommand> _lookupStatements = [];
    private SqliteConnection? _writer;
    private bool _disposed;

    /// <summary>Opens (on first use) the ledger in the SQLite file at <paramref name="databasePath"/>, creating the file if it is missing.</summary>
    /// <param name="databasePath">A file path, not a connection string; relative paths are resolved against the current directory.</param>
    public SqliteLedgerStore(string databasePath)
    {
        _file = new SqliteDatabaseFile(databasePath);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => _file.Path;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var writer = Writer();
            // BEGIN IMMEDIATE (the default of BeginTransaction): a second process creating the same schema waits its turn.
            using var transaction = writer.BeginTransaction();
            using var command = writer.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = LedgerSchemaScript.Read(LedgerSchemaScript.Sqlite);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<LedgerAppend> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return [];
        }
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Append(batch, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string ledger, long fromPosition, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Columns} FROM ledger_entries WHERE ledger = $ledger AND position >= $from ORDER BY position LIMIT $max";
        command.Parameters.AddWithValue("$ledger", ledger);
        command.Parameters.AddWithValue("$from", fromPosition);
        command.Parameters.AddWithValue("$max", max);
        return Task.FromResult(ReadEntries(command));
    }

    /// <inheritdoc />
    public Task<LedgerEntry?> FindAsync(string ledger, string source, long seq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM ledger_entries WHERE ledger = $ledger AND source = $source AND seq = $seq";
        command.Parameters.AddWithValue("$ledger", ledger);
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$seq", seq);
        var entries = ReadEntries(command);
        return Task.FromResult(entries.Count == 0 ? null : entries[0]);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEntry>> ReadAllAsync(long fromGlobalPosition, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Columns} FROM ledger_entries WHERE global_position >= $from ORDER BY global_position LIMIT $max";
        command.Parameters.AddWithValue("$from", fromGlobalPosition);
        command.Parameters.AddWithValue("$max", max);
        return Task.FromResult(ReadEntries(command));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListLedgersAsync(string prefix, string? after, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        // substr instead of LIKE: '%' and '_' in a prefix are data, and SQLite's text order is ordinal (BINARY).
        command.CommandText =
            "SELECT DISTINCT ledger FROM ledger_entries WHERE ledger >= $prefix AND ledger > $after " +
            "AND substr(ledger, 1, length($prefix)) = $prefix ORDER BY ledger LIMIT $max";
        command.Parameters.AddWithValue("$prefix", prefix);
        command.Parameters.AddWithValue("$after", after ?? string.Empty);
        command.Parameters.AddWithValue("$max", max);
        var ledgers = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ledgers.Add(reader.GetString(0));
        }
        return Task.FromResult<IReadOnlyList<string>>(ledgers);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEntry>> ReadLedgersAsync(IReadOnlyList<string> ledgers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        cancellationToken.ThrowIfCancellationRequested();
        var entries = new List<LedgerEntry>();
        if (ledgers.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<LedgerEntry>>(entries);
        }
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        // A JSON array parameter instead of one parameter per id: SQLite caps the number of parameters per statement.
        command.CommandText =
            $"SELECT {Columns} FROM ledger_entries WHERE ledger IN (SELECT value FROM json_each($ledgers)) ORDER BY ledger, position";
        command.Parameters.AddWithValue("$ledgers", System.Text.Json.JsonSerializer.Serialize(ledgers));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(ReadEntry(reader));
        }
        return Task.FromResult<IReadOnlyList<LedgerEntry>>(entries);
    }

    /// <inheritdoc />
    public Task<long> ReadHeadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(global_position), 0) FROM ledger_entries";
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    /// <summary>Waits for a running batch, then closes the writer connection and releases the file.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for a running batch, then closes the writer connection and releases the file.</summary>
    public void Dispose()
    {
        _writeGate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (var statement in _insertStatements.Values.Concat(_lookupStatements.Values))
            {
                statement.Dispose();
            }
            _insertStatements.Clear();
            _lookupStatements.Clear();
            _writer?.Dispose();
            _writer = null;
            // Pooled connections keep the file open; a closed store should let the file be moved or deleted.
            _file.ClearPool();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private IReadOnlyList<AppendResult> Append(IReadOnlyList<LedgerAppend> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var writer = Writer();
        // BEGIN IMMEDIATE: take the write lock up front, so another process's writer makes us wait at the start
        // (busy_timeout) instead of failing the upgrade from a read lock half-way through the batch.
        using var transaction = writer.BeginTransaction();
        var recordedAt = LedgerTimestamp.Now();
        var recordedAtMicroseconds = LedgerTimestamp.ToUnixMicroseconds(recordedAt);
        var resolution = new AppendBatchResolution(batch);

        for (var offset = 0; offset < batch.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = StatementRowCountFor(batch.Count - offset);
            var insert = InsertStatement(rows);
            insert.Transaction = transaction;
            var parameters = insert.Parameters;
            for (var row = 0; row < rows; row++)
            {
                var append = batch[offset + row];
                var p = row * InsertParametersPerRow;
                parameters[p].Value = TextOrNull(append.Ledger);
                parameters[p + 1].Value = TextOrNull(append.Tenant);
                parameters[p + 2].Value = append.Position;
                parameters[p + 3].Value = TextOrNull(append.Source);
                parameters[p + 4].Value = append.Seq;
                parameters[p + 5].Value = TextOrNull(append.Type);
                parameters[p + 6].Value = LedgerTimestamp.ToUnixMicroseconds(append.OccurredAt);
                parameters[p + 7].Value = TextOrNull(append.Payload);
            }
            parameters[rows * InsertParametersPerRow].Value = recordedAtMicroseconds;
            using (var reader = insert.ExecuteReader())
            {
                while (reader.Read())
                {
                    resolution.Inserted(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                        reader.GetInt64(0), recordedAt);
                }
            }
            offset += rows;
        }

        // Rows the unique keys turned away are looked up inside the same transaction, so the answer is consistent with
        // what this batch itself inserted.
        var open = resolution.UnresolvedKeys();
        for (var offset = 0; offset < open.Count;)
        {
            var rows = StatementRowCountFor(open.Count - offset);
            var lookup = LookupStatement(rows);
            lookup.Transaction = transaction;
            for (var row = 0; row < rows; row++)
            {
                var key = open[offset + row];
                var p = row * LookupParametersPerRow;
                lookup.Parameters[p].Value = key.Ledger;
                lookup.Parameters[p + 1].Value = key.Source;
                lookup.Parameters[p + 2].Value = key.Seq;
            }
            using (var reader = lookup.ExecuteReader())
            {
                while (reader.Read())
                {
                    resolution.Existing(ReadEntry(reader));
                }
            }
            offset += rows;
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return resolution.Results();
    }

    // A null (from a caller that ignored the nullable annotations) must reach SQLite as NULL, so the NOT NULL constraint
    // fails the batch with a database error like any other bad row; Microsoft.Data.Sqlite rejects a null Value outright.
    private static object TextOrNull(string? value) => value is null ? DBNull.Value : value;

    private static int StatementRowCountFor(int remaining)
    {
        foreach (var rows in StatementRowCounts)
        {
            if (rows <= remaining)
            {
                return rows;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(remaining), remaining, "At least one row is needed.");
    }

    private SqliteCommand InsertStatement(int rows)
    {
        if (_insertStatements.TryGetValue(rows, out var existing))
        {
            return existing;
        }
        var command = Writer().CreateCommand();
        var values = new string[rows];
        for (var row = 0; row < rows; row++)
        {
            values[row] = $"($l{row}, $t{row}, $p{row}, $s{row}, $q{row}, $y{row}, $o{row}, $recorded, $d{row})";
            foreach (var name in (ReadOnlySpan<string>)["$l", "$t", "$p", "$s", "$q", "$y", "$o", "$d"])
            {
                command.Parameters.Add(new SqliteParameter(name + row, null));
            }
        }
        command.Parameters.Add(new SqliteParameter("$recorded", null));
        // No conflict target: either unique key turns a row away, and the lookup afterwards tells which one did.
        command.CommandText =
            "INSERT INTO ledger_entries (ledger, tenant, position, source, seq, type, occurred_at, recorded_at, payload) VALUES "
            + string.Join(", ", values)
            + " ON CONFLICT DO NOTHING RETURNING global_position, ledger, source, seq, position";
        command.Prepare();
        _insertStatements.Add(rows, command);
        return command;
    }

    private SqliteCommand LookupStatement(int rows)
    {
        if (_lookupStatements.TryGetValue(rows, out var existing))
        {
            return existing;
        }
        var command = Writer().CreateCommand();
        var keys = new string[rows];
        for (var row = 0; row < rows; row++)
        {
            keys[row] = $"($l{row}, $s{row}, $q{row})";
            command.Parameters.Add(new SqliteParameter("$l" + row, null));
            command.Parameters.Add(new SqliteParameter("$s" + row, null));
            command.Parameters.Add(new SqliteParameter("$q" + row, null));
        }
        // Driving the join from the keys makes SQLite probe the (ledger, source, seq) unique index once per key.
        command.CommandText =
            $"SELECT e.{Columns.Replace(", ", ", e.", StringComparison.Ordinal)} FROM (VALUES {string.Join(", ", keys)}) AS k "
            + "JOIN ledger_entries AS e ON e.ledger = k.column1 AND e.source = k.column2 AND e.seq = k.column3";
        command.Prepare();
        _lookupStatements.Add(rows, command);
        return command;
    }

    private SqliteConnection Writer()
    {
        if (_writer is not null)
        {
            return _writer;
        }
        // WAL: readers and the writer do not block each other. FULL: every commit fsyncs the WAL, so an acknowledged
        // append survives a power cut (NORMAL would only survive a process crash). busy_timeout: another process
        // holding the write lock makes us wait, not fail.
        var connection = _file.Open("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;");
        _writer = connection;
        return connection;
    }

    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _file.Open();
    }

    private static IReadOnlyList<LedgerEntry> ReadEntries(SqliteCommand command)
    {
        var entries = new List<LedgerEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(ReadEntry(reader));
        }
        return entries;
    }

    private static LedgerEntry ReadEntry(SqliteDataReader reader) => new(
        GlobalPosition: reader.GetInt64(0),
        Ledger: reader.GetString(1),
        Tenant: reader.GetString(2),
        Position: reader.GetInt64(3),
        Source: reader.GetString(4),
        Seq: reader.GetInt64(5),
        Type: reader.GetString(6),
        OccurredAt: LedgerTimestamp.FromUnixMicroseconds(reader.GetInt64(7)),
        RecordedAt: LedgerTimestamp.FromUnixMicroseconds(reader.GetInt64(8)),
        Payload: reader.GetString(9));
}
