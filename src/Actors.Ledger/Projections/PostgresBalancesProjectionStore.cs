using Npgsql;

namespace Actors.Ledger.Projections;

/// <summary>The <c>balances</c> projection in PostgreSQL (the <c>cluster</c> profile).</summary>
public sealed class PostgresBalancesProjectionStore : IBalancesProjectionStore, IAsyncDisposable
{
    private const string CheckpointsDdl = """
        CREATE TABLE IF NOT EXISTS projection_checkpoints (
            name text NOT NULL,
            version integer NOT NULL,
            global_position bigint NOT NULL,
            active boolean NOT NULL,
            PRIMARY KEY (name, version));
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
    public async Task<long> EnsureVersionAsync(int version, CancellationToken cancellationToken)
    {
        var table = BalancesTable.Name(version);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, SchemaLock + CheckpointsDdl + $"""
            CREATE TABLE IF NOT EXISTS {table} (
                ledger text NOT NULL,
                currency text NOT NULL,
                tenant text NOT NULL,
                account text NOT NULL,
                balance_minor bigint NOT NULL,
                event_count bigint NOT NULL,
                last_position bigint NOT NULL,
                PRIMARY KEY (ledger, currency));
            INSERT INTO projection_checkpoints (name, version, global_position, active)
            SELECT @name, @version, 0,
                   NOT EXISTS (SELECT 1 FROM projection_checkpoints WHERE name = @name AND active)
            ON CONFLICT (name, version) DO NOTHING;
            """, cancellationToken, ("name", BalancesTable.ProjectionName), ("version", version));
        var checkpoint = await ReadCheckpointAsync(connection, transaction, version, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return checkpoint ?? throw new InvalidOperationException($"checkpoint of balances version {version} vanished while it was created.");
    }

    /// <inheritdoc />
    public async Task ApplyAsync(int version, long expectedCheckpoint, IReadOnlyList<BalanceDelta> deltas, long newCheckpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var table = BalancesTable.Name(version);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Moving the checkpoint first locks its row, so a second runner waits, then finds it moved and writes nothing.
        var moved = await ExecuteAsync(connection, transaction, """
            UPDATE projection_checkpoints SET global_position = @new
            WHERE name = @name AND version = @version AND global_position = @expected;
            """, cancellationToken,
            ("new", newCheckpoint), ("name", BalancesTable.ProjectionName), ("version", version), ("expected", expectedCheckpoint));
        if (moved != 1)
        {
            throw new InvalidOperationException(
                $"checkpoint of balances version {version} is no longer {expectedCheckpoint}: another runner moved it, or the version is missing.");
        }
        if (deltas.Count > 0)
        {
            // One statement for the whole batch: the rows travel as parallel arrays.
            await using var upsert = new NpgsqlCommand($"""
                INSERT INTO {table} AS t (ledger, currency, tenant, account, balance_minor, event_count, last_position)
                SELECT * FROM unnest(@ledgers, @currencies, @tenants, @accounts, @amounts, @counts, @positions)
                ON CONFLICT (ledger, currency) DO UPDATE SET
                    balance_minor = t.balance_minor + excluded.balance_minor,
                    event_count = t.event_count + excluded.event_count,
                    last_position = GREATEST(t.last_position, excluded.last_position);
                """, connection, transaction);
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("ledgers", [.. deltas.Select(d => d.Ledger)]));
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("currencies", [.. deltas.Select(d => d.Currency)]));
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("tenants", [.. deltas.Select(d => d.Tenant)]));
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("accounts", [.. deltas.Select(d => d.Account)]));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("amounts", [.. deltas.Select(d => d.AmountMinor)]));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("counts", [.. deltas.Select(d => d.EventCount)]));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("positions", [.. deltas.Select(d => d.LastPosition)]));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
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
    public async Task<AccountBalanceRow?> ReadBalanceAsync(int version, string tenant, string account, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT currency, balance_minor, event_count, last_position FROM {BalancesTable.Name(version)}
            WHERE ledger = @ledger ORDER BY currency;
            """, connection);
        command.Parameters.AddWithValue("ledger", Actors.Domain.LedgerNames.Account(tenant, account));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AccountBalanceRow.ReadAsync(reader, tenant, account, cancellationToken);
    }

    /// <inheritdoc />
    public async Task DropVersionAsync(int version, CancellationToken cancellationToken)
    {
        var table = BalancesTable.Name(version);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await ExecuteAsync(connection, transaction,
            "DELETE FROM projection_checkpoints WHERE name = @name AND version = @version AND NOT active;",
            cancellationToken, ("name", BalancesTable.ProjectionName), ("version", version));
        if (removed == 0 && await ReadCheckpointAsync(connection, transaction, version, cancellationToken) is not null)
        {
            throw new InvalidOperationException($"balances version {version} is active; activate another version before dropping it.");
        }
        await ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {table};", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

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
