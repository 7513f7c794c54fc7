using Actors.Ledger.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Ledger;

/// <summary>
/// The ledger in PostgreSQL (the <c>cluster</c> profile). A batch is one transaction of two round trips: the rows go in
/// as arrays through one prepared <c>INSERT ... SELECT FROM unnest(...)</c>, then COMMIT; rows the unique keys turned away
/// cost one more prepared query. Appends use one long-lived connection per store; reads use the data source's pool.
/// </summary>
/// <remarks>
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
    // pg_advisory_xact_lock(int, int) keys: 0x4163746F is 'Acto'; 1 guards the schema script (see ledger-postgres.sql).
    private const int AdvisoryLockSpace = 0x4163746F;
    private const int AppendLock = 3;

    private const string Columns = "global_position, ledger, tenant, position, source, seq, type, occurred_at, recorded_at, payload";

    private const string InsertSql =
        """
        INSERT INTO ledger_entries (ledger, tenant, position, source, seq, type, occurred_at, payload)
        SELECT r.ledger, r.tenant, r.position, r.source, r.seq, r.type, r.occurred_at, r.payload
        FROM unnest($1, $2, $3, $4, $5, $6, $7, $8)
             WITH ORDINALITY AS r(ledger, tenant, position, source, seq, type, occurred_at, payload, ordinal)
        ORDER BY r.ordinal
        ON CONFLICT DO NOTHING
        RETURNING global_position, ledger, source, seq, position, recorded_at
        """;

    private const string LookupSql =
        """
        SELECT e.global_position, e.ledger, e.tenant, e.position, e.source, e.seq, e.type, e.occurred_at, e.recorded_at, e.payload
        FROM unnest($1, $2, $3) AS k(ledger, source, seq)
        JOIN ledger_entries AS e ON e.ledger = k.ledger AND e.source = k.source AND e.seq = k.seq
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private NpgsqlConnection? _writer;
    private NpgsqlBatch? _insert;
    private NpgsqlCommand? _lookup;
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
        var (writer, insert, lookup) = await WriterAsync(cancellationToken);
        var resolution = new AppendBatchResolution(batch);
        await using var transaction = await writer.BeginTransactionAsync(cancellationToken);

        var count = batch.Count;
        var ledgers = new string[count];
        var tenants = new string[count];
        var positions = new long[count];
        var sources = new string[count];
        var seqs = new long[count];
        var types = new string[count];
        var occurredAt = new DateTime[count];
        var payloads = new string[count];
        for (var i = 0; i < count; i++)
        {
            var append = batch[i];
            ledgers[i] = append.Ledger;
            tenants[i] = append.Tenant;
            positions[i] = append.Position;
            sources[i] = append.Source;
            seqs[i] = append.Seq;
            types[i] = append.Type;
            occurredAt[i] = LedgerTimestamp.ToUtcDateTime(append.OccurredAt);
            payloads[i] = append.Payload;
        }
        var parameters = insert.BatchCommands[1].Parameters;
        parameters[0].Value = ledgers;
        parameters[1].Value = tenants;
        parameters[2].Value = positions;
        parameters[3].Value = sources;
        parameters[4].Value = seqs;
        parameters[5].Value = types;
        parameters[6].Value = occurredAt;
        parameters[7].Value = payloads;
        insert.Transaction = transaction;

        // Npgsql sends BEGIN, the lock and the insert in one round trip.
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                resolution.Inserted(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetInt64(0), LedgerTimestamp.FromUtcDateTime(reader.GetDateTime(5)));
            }
        }

        var open = resolution.UnresolvedKeys();
        if (open.Count > 0)
        {
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

        // Once the rows are in, the commit is not abandoned half-way for a caller's cancellation: its outcome would be unknown.
        await transaction.CommitAsync(CancellationToken.None);
        return resolution.Results();
    }

    private async Task<(NpgsqlConnection Writer, NpgsqlBatch Insert, NpgsqlCommand Lookup)> WriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null && _insert is not null && _lookup is not null)
        {
            return (_writer, _insert, _lookup);
        }
        var writer = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var insert = new NpgsqlBatch(writer)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1, $2)")
                    {
                        Parameters =
                        {
                            new NpgsqlParameter<int> { TypedValue = AdvisoryLockSpace },
                            new NpgsqlParameter<int> { TypedValue = AppendLock },
                        },
                    },
                    new NpgsqlBatchCommand(InsertSql)
                    {
                        Parameters =
                        {
                            TextArray(), TextArray(), BigintArray(), TextArray(), BigintArray(), TextArray(),
                            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                            TextArray(),
                        },
                    },
                },
            };
            var lookup = new NpgsqlCommand(LookupSql, writer)
            {
                Parameters = { TextArray(), TextArray(), BigintArray() },
            };
            // Parsed and planned once per connection instead of once per batch.
            await insert.PrepareAsync(cancellationToken);
            await lookup.PrepareAsync(cancellationToken);
            (_writer, _insert, _lookup) = (writer, insert, lookup);
            return (writer, insert, lookup);
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    private async Task CloseWriterAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
        if (_lookup is not null)
        {
            await _lookup.DisposeAsync();
        }
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
        (_writer, _insert, _lookup) = (null, null, null);
    }

    private static NpgsqlParameter TextArray() => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter BigintArray() => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint };

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
