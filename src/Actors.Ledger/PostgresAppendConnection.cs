using Npgsql;
using NpgsqlTypes;

namespace Actors.Ledger;

/// <summary>
/// The connection <see cref="PostgresLedgerStore"/> appends on, with its statements prepared once: parsed and planned
/// once per connection instead of once per batch. Each insert is an <see cref="NpgsqlBatch"/> of the append lock and the
/// insert, so BEGIN, lock and insert travel in one round trip.
/// </summary>
internal sealed class PostgresAppendConnection : IAsyncDisposable
{
    // pg_advisory_xact_lock(int, int) keys: 0x4163746F is 'Acto'; 1 guards the schema script (see ledger-postgres.sql).
    public const int AdvisoryLockSpace = 0x4163746F;
    public const int AppendLock = 2;

    private const string Columns = "ledger, tenant, position, source, seq, type, occurred_at, payload";
    private const string Rows = "unnest($1, $2, $3, $4, $5, $6, $7, $8)";

    private PostgresAppendConnection(NpgsqlConnection connection)
    {
        Connection = connection;
        InsertAll = LockedInsert(
            $"INSERT INTO ledger_entries ({Columns}) SELECT * FROM {Rows} RETURNING global_position, position, seq, recorded_at");
        // ORDER BY ordinal: rows go in batch order, so of two rows with one key the first is the one inserted.
        InsertNew = LockedInsert(
            $"""
            INSERT INTO ledger_entries ({Columns})
            SELECT {Columns} FROM {Rows} WITH ORDINALITY AS r({Columns}, ordinal)
            ORDER BY r.ordinal
            ON CONFLICT DO NOTHING
            RETURNING global_position, ledger, source, seq, position, recorded_at
            """);
        Lookup = new NpgsqlCommand(
            """
            SELECT e.global_position, e.ledger, e.tenant, e.position, e.source, e.seq, e.type, e.occurred_at, e.recorded_at, e.payload
            FROM unnest($1, $2, $3) AS k(ledger, source, seq)
            JOIN ledger_entries AS e ON e.ledger = k.ledger AND e.source = k.source AND e.seq = k.seq
            """, connection)
        {
            Parameters = { Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Bigint) },
        };
    }

    public NpgsqlConnection Connection { get; }

    /// <summary>Inserts every row or fails on the first unique-key violation. Returns <c>global_position, position, seq, recorded_at</c> per row.</summary>
    public NpgsqlBatch InsertAll { get; }

    /// <summary>Inserts the rows no unique key turns away. Returns <c>global_position, ledger, source, seq, position, recorded_at</c> per inserted row.</summary>
    public NpgsqlBatch InsertNew { get; }

    /// <summary>The rows holding the idempotency keys <c>($1[i], $2[i], $3[i])</c>.</summary>
    public NpgsqlCommand Lookup { get; }

    public static async Task<PostgresAppendConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var appendConnection = new PostgresAppendConnection(connection);
        try
        {
            await appendConnection.InsertAll.PrepareAsync(cancellationToken);
            await appendConnection.InsertNew.PrepareAsync(cancellationToken);
            await appendConnection.Lookup.PrepareAsync(cancellationToken);
            return appendConnection;
        }
        catch
        {
            await appendConnection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Binds the rows of a batch to the insert <paramref name="insert"/>.</summary>
    public static void Bind(NpgsqlBatch insert, IReadOnlyList<LedgerAppend> batch)
    {
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
    }

    public async ValueTask DisposeAsync()
    {
        await InsertAll.DisposeAsync();
        await InsertNew.DisposeAsync();
        await Lookup.DisposeAsync();
        await Connection.DisposeAsync();
    }

    private NpgsqlBatch LockedInsert(string insertSql) => new(Connection)
    {
        BatchCommands =
        {
            // Appends from all silos commit one at a time; see PostgresLedgerStore for why.
            new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1, $2)")
            {
                Parameters =
                {
                    new NpgsqlParameter<int> { TypedValue = AdvisoryLockSpace },
                    new NpgsqlParameter<int> { TypedValue = AppendLock },
                },
            },
            new NpgsqlBatchCommand(insertSql)
            {
                Parameters =
                {
                    Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Bigint), Array(NpgsqlDbType.Text),
                    Array(NpgsqlDbType.Bigint), Array(NpgsqlDbType.Text), Array(NpgsqlDbType.TimestampTz), Array(NpgsqlDbType.Text),
                },
            },
        },
    };

    private static NpgsqlParameter Array(NpgsqlDbType elementType) => new() { NpgsqlDbType = NpgsqlDbType.Array | elementType };
}
