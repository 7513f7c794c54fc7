using Actors.Ledger.Schema;
using Npgsql;

namespace Actors.Ledger;

/// <summary>
/// The ledger in PostgreSQL (the <c>cluster</c> profile). A batch is one transaction: its rows go in as arrays through one
/// prepared <c>INSERT ... SELECT FROM unnest(...)</c>, so a batch costs two round trips (BEGIN + lock + insert, COMMIT)
/// whatever its size. Appends use one long-lived connection per store; reads use the data source's pool.
/// </summary>
/// <remarks>
/// <para>
/// Optimistic first: a batch is inserted with a plain INSERT, as fast as a raw bulk insert. Only if a unique key rejects
/// a row (a duplicate the grains' memory did not catch, or a taken position) is the transaction rolled back and the batch
/// redone with <c>ON CONFLICT DO NOTHING</c> and a lookup of the rows turned away, which costs about a third more. After
/// such a batch the next few go the careful way directly, because duplicates come in runs (replays, redeliveries).
/// </para>
/// <para>
/// Appends from all silos commit one transaction at a time (a transaction-scoped advisory lock taken before the insert).
/// Global positions come from a sequence when a row is inserted, not when it commits; without the lock, a transaction
/// holding position 10 could commit after another holding 11 had been read, and a projection that checkpointed at 11
/// would never see 10. With it, commit order is position order and <see cref="ReadAllAsync"/> never skips a row that
/// commits later. Group commit keeps the cost low: the lock is taken once per batch, not per event.
/// </para>
/// <para>
/// Timestamps are kept in UTC at microsecond resolution (timestamptz); entries returned by <see cref="AppendBatchAsync"/>
/// already carry the stored form. <c>recorded_at</c> is the database's transaction time, one clock for all silos.
/// </para>
/// </remarks>
public sealed class PostgresLedgerStore : ILedgerStore, IAsyncDisposable, IDisposable
{
    // After a batch that hit a unique key, this many batches skip the optimistic attempt.
    private const int CarefulBatchesAfterRejection = 16;

    private const string Columns = "global_position, ledger, tenant, position, source, seq, type, occurred_at, recorded_at, payload";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private PostgresAppendConnection? _writer;
    private int _carefulBatchesLeft;
    private bool _disposed;

    /// <summary>A store over its own data source built from <paramref name="connectionString"/>, disposed with the store.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=actors;Username=actors</c>.</param>
    public PostgresLedgerStore(string connectionString)
        : this(NpgsqlDataSource.Create(connectionString), ownsDataSource: true)
    {
    }

    /// <summary>A store over <paramref name="dataSource"/>, which the caller owns and disposes.</summary>
    public PostgresLedgerStore(NpgsqlDataSource dataSource)
        : this(dataSource, ownsDataSource: false)
    {
    }

    private PostgresLedgerStore(NpgsqlDataSource dataSource, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    /// <inheritdoc />
    /// <remarks>The script takes an advisory lock first, so silos starting together create the schema one after another.</remarks>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(LedgerSchemaScript.Read(LedgerSchemaScript.Postgres), connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
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
            try
            {
                return await AppendAsync(batch, cancellationToken);
            }
            catch
            {
                // The connection may be broken (server restart, network); the next batch starts on a fresh one.
                await CloseWriterAsync();
                throw;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string ledger, long fromPosition, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM ledger_entries WHERE ledger = $1 AND position >= $2 ORDER BY position LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ledger });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromPosition });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<LedgerEntry?> FindAsync(string ledger, string source, long seq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(source);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM ledger_entries WHERE ledger = $1 AND source = $2 AND seq = $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ledger });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = seq });
        var entries = await ReadEntriesAsync(command, cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LedgerEntry>> ReadAllAsync(long fromGlobalPosition, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM ledger_entries WHERE global_position >= $1 ORDER BY global_position LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromGlobalPosition });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListLedgersAsync(string prefix, string? after, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // The ledger column is COLLATE "C", so >, ORDER BY and the (ledger, position) index all agree on byte order.
        await using var command = _dataSource.CreateCommand(
            "SELECT DISTINCT ledger FROM ledger_entries WHERE ledger >= $1 AND ledger > $2 AND starts_with(ledger, $1) " +
            "ORDER BY ledger LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        var ledgers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ledgers.Add(reader.GetString(0));
        }
        return ledgers;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LedgerEntry>> ReadLedgersAsync(IReadOnlyList<string> ledgers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (ledgers.Count == 0)
        {
            return [];
        }
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM ledger_entries WHERE ledger = ANY($1) ORDER BY ledger, position");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ledgers] });
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> ReadHeadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var command = _dataSource.CreateCommand("SELECT coalesce(max(global_position), 0) FROM ledger_entries");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Waits for a running batch, closes the writer connection and, when the store built it, the data source.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            await CloseWriterAsync();
            if (_ownsDataSource)
            {
                await _dataSource.DisposeAsync();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Synchronous form of <see cref="DisposeAsync"/> for containers that dispose synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<LedgerAppend> batch, CancellationToken cancellationToken)
    {
        _writer ??= await PostgresAppendConnection.OpenAsync(_dataSource, cancellationToken);
        if (_carefulBatchesLeft > 0)
        {
            _carefulBatchesLeft--;
        }
        else if (await TryAppendAllAsync(_writer, batch, cancellationToken) is { } results)
        {
            return results;
        }
        else
        {
            _carefulBatchesLeft = CarefulBatchesAfterRejection;
        }
        return await AppendNewAsync(_writer, batch, cancellationToken);
    }

    /// <summary>Inserts every row, or returns null (having committed nothing) when a unique key rejects one.</summary>
    private static async Task<IReadOnlyList<AppendResult>?> TryAppendAllAsync(
        PostgresAppendConnection writer, IReadOnlyList<LedgerAppend> batch, CancellationToken cancellationToken)
    {
        await using var transaction = await writer.Connection.BeginTransactionAsync(cancellationToken);
        PostgresAppendConnection.Bind(writer.InsertAll, batch);
        writer.InsertAll.Transaction = transaction;
        var results = new AppendResult[batch.Count];
        var count = 0;
        try
        {
            await using var reader = await writer.InsertAll.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // Rows are inserted, numbered and returned in array order. Position and seq are returned to check that
                // instead of trusting it: a mismatch fails the batch before anything is committed.
                var append = count < batch.Count ? batch[count] : null;
                if (append is null || reader.GetInt64(1) != append.Position || reader.GetInt64(2) != append.Seq)
                {
                    throw new InvalidOperationException(
                        "PostgreSQL returned the inserted rows in another order than the batch; nothing was committed.");
                }
                results[count++] = new AppendResult(AppendStatus.Appended, new LedgerEntry(reader.GetInt64(0), append.Ledger,
                    append.Tenant, append.Position, append.Source, append.Seq, append.Type,
                    LedgerTimestamp.Normalize(append.OccurredAt), LedgerTimestamp.FromUtcDateTime(reader.GetDateTime(3)),
                    append.Payload));
            }
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Expected now and then, not a failure: the careful path answers the batch. The transaction is aborted and
            // holds nothing worth keeping.
            await transaction.RollbackAsync(CancellationToken.None);
            return null;
        }
        if (count != batch.Count)
        {
            throw new InvalidOperationException($"PostgreSQL returned {count} inserted rows for a batch of {batch.Count}; nothing was committed.");
        }
        // Once the rows are in, the commit is not abandoned half-way for a caller's cancellation: its outcome would be unknown.
        await transaction.CommitAsync(CancellationToken.None);
        return results;
    }

    /// <summary>Inserts the rows no unique key rejects and answers the others as duplicates or position conflicts.</summary>
    private static async Task<IReadOnlyList<AppendResult>> AppendNewAsync(
        PostgresAppendConnection writer, IReadOnlyList<LedgerAppend> batch, CancellationToken cancellationToken)
    {
        var resolution = new AppendBatchResolution(batch);
        await using var transaction = await writer.Connection.BeginTransactionAsync(cancellationToken);
        PostgresAppendConnection.Bind(writer.InsertNew, batch);
        writer.InsertNew.Transaction = transaction;
        await using (var reader = await writer.InsertNew.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                resolution.Inserted(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetInt64(0), LedgerTimestamp.FromUtcDateTime(reader.GetDateTime(5)));
            }
        }

        // Looked up in the same transaction, so the answer agrees with what this batch itself inserted.
        var open = resolution.UnresolvedKeys();
        if (open.Count > 0)
        {
            var lookup = writer.Lookup;
            lookup.Parameters[0].Value = open.Select(k => k.Ledger).ToArray();
            lookup.Parameters[1].Value = open.Select(k => k.Source).ToArray();
            lookup.Parameters[2].Value = open.Select(k => k.Seq).ToArray();
            lookup.Transaction = transaction;
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                resolution.Existing(ReadEntry(reader));
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        return resolution.Results();
    }

    private async Task CloseWriterAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
            _writer = null;
        }
    }

    private static async Task<IReadOnlyList<LedgerEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader));
        }
        return entries;
    }

    private static LedgerEntry ReadEntry(NpgsqlDataReader reader) => new(
        GlobalPosition: reader.GetInt64(0),
        Ledger: reader.GetString(1),
        Tenant: reader.GetString(2),
        Position: reader.GetInt64(3),
        Source: reader.GetString(4),
        Seq: reader.GetInt64(5),
        Type: reader.GetString(6),
        OccurredAt: LedgerTimestamp.FromUtcDateTime(reader.GetDateTime(7)),
        RecordedAt: LedgerTimestamp.FromUtcDateTime(reader.GetDateTime(8)),
        Payload: reader.GetString(9));
}
