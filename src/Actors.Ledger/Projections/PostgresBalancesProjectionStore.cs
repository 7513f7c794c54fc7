using Npgsql;

namespace Actors.Ledger.Projections;

/// <summary>The <c>balances</c> projection in PostgreSQL (the <c>cluster</c> profile).</summary>
public sealed class PostgresBalancesProjectionStore : IBalancesProjectionStore, IAsyncDisposable
{
    // Tables created by a build from before logic versions lack logic_version. The column is added only when missing:
    // ALTER TABLE takes an exclusive lock even when it has nothing to do, and would stall the owner's batches.
    private const string CheckpointsDdl = """
        CREATE TABLE IF NOT EXISTS projection_checkpoints (
            name text NOT NULL,
            version integer NOT NULL,
            global_position bigint NOT NULL,
            active boolean NOT NULL,
            logic_version integer,
            PRIMARY KEY (name, version));
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                           WHERE table_schema = current_schema() AND table_name = 'projection_checkpoints'
                             AND column_name = 'logic_version') THEN
                ALTER TABLE projection_checkpoints ADD COLUMN logic_version integer;
            END IF;
        END
        $$;
        """;

    // Serialises DDL and version creation across silos: CREATE TABLE IF NOT EXISTS can still collide when run concurrently.
    private const string SchemaLock = "SELECT pg_advisory_xact_lock(hashtext('actors.projection_checkpoints'));";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A store over its own data source built from <paramref name="connectionString"/>, disposed with the store.</summary>
    public PostgresBalancesProjectionStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, SchemaLock + CheckpointsDdl, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> EnsureVersionAsync(int version, int logicVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(logicVersion);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, SchemaLock + CheckpointsDdl + $"""
            CREATE TABLE IF NOT EXISTS {BalancesTable.Name(version)} (
                ledger text COLLATE "C" NOT NULL,
                currency text COLLATE "C" NOT NULL,
                tenant text NOT NULL,
                account text NOT NULL,
                balance_minor bigint NOT NULL,
                event_count bigint NOT NULL,
                last_position bigint NOT NULL,
                PRIMARY KEY (ledger, currency)) WITH (fillfactor = 70);
            CREATE TABLE IF NOT EXISTS {BalancesTable.UsageName(version)} (
                ledger text COLLATE "C" NOT NULL,
                meter text COLLATE "C" NOT NULL,
                billing_window text COLLATE "C" NOT NULL,
                currency text COLLATE "C" NOT NULL,
                tenant text NOT NULL,
                account text NOT NULL,
                quantity bigint NOT NULL,
                amount_minor bigint NOT NULL,
                event_count bigint NOT NULL,
                PRIMARY KEY (ledger, meter, billing_window, currency)) WITH (fillfactor = 70);
            INSERT INTO projection_checkpoints (name, version, global_position, active, logic_version)
            SELECT @name, @version, 0,
                   NOT EXISTS (SELECT 1 FROM projection_checkpoints WHERE name = @name AND active), @logic
            ON CONFLICT (name, version) DO NOTHING;
            """, cancellationToken, ("name", BalancesTable.ProjectionName), ("version", version), ("logic", logicVersion));
        var checkpoint = await ReadCheckpointAsync(connection, transaction, version, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return checkpoint ?? throw new InvalidOperationException($"checkpoint of balances version {version} vanished while it was created.");
    }

    /// <inheritdoc />
    public async Task ApplyAsync(int version, long expectedCheckpoint, BalancesBatch batch, long newCheckpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Moving the checkpoint first locks its row, so a second runner waits, then finds it moved and writes nothing.
        // synchronous_commit off: the commit does not wait for the WAL flush. A crash may lose the last batches, but a batch
        // and its checkpoint are lost together and the ledger (the truth, flushed on every append) replays them.
        var moved = await ExecuteAsync(connection, transaction, """
            SET LOCAL synchronous_commit = off;
            UPDATE projection_checkpoints SET global_position = @new
            WHERE name = @name AND version = @version AND global_position = @expected;
            """, cancellationToken,
            ("new", newCheckpoint), ("name", BalancesTable.ProjectionName), ("version", version), ("expected", expectedCheckpoint));
        if (moved != 1)
        {
            throw new ProjectionCheckpointConflictException(version, expectedCheckpoint);
        }
        // One statement per table and kind for the whole batch: the rows travel as parallel arrays. Keys known to be new
        // skip the conflict check (a plain insert costs about two thirds of an upsert here).
        await WriteBalancesAsync(connection, transaction, version, batch.NewBalances, upsert: false, cancellationToken);
        await WriteBalancesAsync(connection, transaction, version, batch.Balances, upsert: true, cancellationToken);
        await WriteUsageAsync(connection, transaction, version, batch.NewUsage, upsert: false, cancellationToken);
        await WriteUsageAsync(connection, transaction, version, batch.Usage, upsert: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long?> ReadCheckpointAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadCheckpointAsync(connection, null, version, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int?> ReadActiveVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT version FROM projection_checkpoints WHERE name = @name AND active;", connection);
        command.Parameters.AddWithValue("name", BalancesTable.ProjectionName);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : (int)value;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProjectionVersion>> ReadVersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT version, logic_version, global_position, active FROM projection_checkpoints
            WHERE name = @name ORDER BY version;
            """, connection);
        command.Parameters.AddWithValue("name", BalancesTable.ProjectionName);
        var versions = new List<ProjectionVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new ProjectionVersion(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? BalanceEffect.UnrecordedLogicVersion : reader.GetInt32(1),
                reader.GetInt64(2),
                reader.GetBoolean(3)));
        }
        return versions;
    }

    /// <inheritdoc />
    public async Task ActivateAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ReadCheckpointAsync(connection, transaction, version, cancellationToken) is null)
        {
            throw new InvalidOperationException($"balances version {version} does not exist; it cannot become active.");
        }
        await ExecuteAsync(connection, transaction,
            "UPDATE projection_checkpoints SET active = (version = @version) WHERE name = @name;",
            cancellationToken, ("version", version), ("name", BalancesTable.ProjectionName));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, AccountProjection>> ReadAccountsAsync(
        int version, string tenant, IReadOnlyList<string> accounts, CancellationToken cancellationToken)
    {
        var ledgers = AccountProjectionReader.Ledgers(tenant, accounts);
        if (ledgers.Length == 0)
        {
            return new Dictionary<string, AccountProjection>();
        }
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for both tables, so balances and usage agree with each other; both queries in one round trip.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"""
                    SELECT account, currency, balance_minor, event_count, last_position FROM {BalancesTable.Name(version)}
                    WHERE ledger = ANY($1)
                    """) { Parameters = { new NpgsqlParameter<string[]> { TypedValue = ledgers } } },
                new NpgsqlBatchCommand($"""
                    SELECT account, meter, billing_window, currency, quantity, amount_minor, event_count FROM {BalancesTable.UsageName(version)}
                    WHERE ledger = ANY($1)
                    """) { Parameters = { new NpgsqlParameter<string[]> { TypedValue = ledgers } } },
            },
        };
        IReadOnlyDictionary<string, AccountProjection> read;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            read = await AccountProjectionReader.ReadAsync(reader, tenant, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return read;
    }

    /// <inheritdoc />
    public async Task DropVersionAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await ExecuteAsync(connection, transaction,
            "DELETE FROM projection_checkpoints WHERE name = @name AND version = @version AND NOT active;",
            cancellationToken, ("name", BalancesTable.ProjectionName), ("version", version));
        if (removed == 0 && await ReadCheckpointAsync(connection, transaction, version, cancellationToken) is not null)
        {
            throw new InvalidOperationException($"balances version {version} is active; activate another version before dropping it.");
        }
        await ExecuteAsync(connection, transaction,
            $"DROP TABLE IF EXISTS {BalancesTable.Name(version)}; DROP TABLE IF EXISTS {BalancesTable.UsageName(version)};", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task WriteBalancesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int version, IReadOnlyList<BalanceDelta> balances, bool upsert, CancellationToken cancellationToken)
    {
        if (balances.Count == 0)
        {
            return;
        }
        var conflict = upsert
            ? """
              ON CONFLICT (ledger, currency) DO UPDATE SET
                  balance_minor = t.balance_minor + excluded.balance_minor,
                  event_count = t.event_count + excluded.event_count,
                  last_position = GREATEST(t.last_position, excluded.last_position)
              """
            : "";
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {BalancesTable.Name(version)} AS t (ledger, currency, tenant, account, balance_minor, event_count, last_position)
            SELECT * FROM unnest(@ledgers, @currencies, @tenants, @accounts, @amounts, @counts, @positions)
            {conflict};
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ledgers", Column(balances, d => d.Ledger)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("currencies", Column(balances, d => d.Currency)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("tenants", Column(balances, d => d.Tenant)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("accounts", Column(balances, d => d.Account)));
        command.Parameters.Add(new NpgsqlParameter<long[]>("amounts", Column(balances, d => d.AmountMinor)));
        command.Parameters.Add(new NpgsqlParameter<long[]>("counts", Column(balances, d => d.EventCount)));
        command.Parameters.Add(new NpgsqlParameter<long[]>("positions", Column(balances, d => d.LastPosition)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteUsageAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int version, IReadOnlyList<UsageDelta> usage, bool upsert, CancellationToken cancellationToken)
    {
        if (usage.Count == 0)
        {
            return;
        }
        var conflict = upsert
            ? """
              ON CONFLICT (ledger, meter, billing_window, currency) DO UPDATE SET
                  quantity = t.quantity + excluded.quantity,
                  amount_minor = t.amount_minor + excluded.amount_minor,
                  event_count = t.event_count + excluded.event_count
              """
            : "";
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {BalancesTable.UsageName(version)} AS t
                (ledger, meter, billing_window, currency, tenant, account, quantity, amount_minor, event_count)
            SELECT * FROM unnest(@ledgers, @meters, @windows, @currencies, @tenants, @accounts, @quantities, @amounts, @counts)
            {conflict};
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ledgers", Column(usage, d => d.Ledger)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("meters", Column(usage, d => d.Meter)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("windows", Column(usage, d => d.Window)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("currencies", Column(usage, d => d.Currency)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("tenants", Column(usage, d => d.Tenant)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("accounts", Column(usage, d => d.Account)));
        command.Parameters.Add(new NpgsqlParameter<long[]>("quantities", Column(usage, d => d.Quantity)));
        command.Parameters.Add(new NpgsqlParameter<long[]>("amounts", Column(usage, d => d.AmountMinor)));
        command.Parameters.Add(new NpgsqlParameter<long[]>("counts", Column(usage, d => d.EventCount)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static T[] Column<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, T> select)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = select(rows[i]);
        }
        return values;
    }

    private static async Task<long?> ReadCheckpointAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT global_position FROM projection_checkpoints WHERE name = @name AND version = @version;", connection, transaction);
        command.Parameters.AddWithValue("name", BalancesTable.ProjectionName);
        command.Parameters.AddWithValue("version", version);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : (long)value;
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
