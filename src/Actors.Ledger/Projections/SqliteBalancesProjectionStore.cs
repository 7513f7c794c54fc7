using Microsoft.Data.Sqlite;

namespace Actors.Ledger.Projections;

/// <summary>The <c>balances</c> projection in a SQLite file (the <c>local</c> profile; may share the ledger's file).</summary>
public sealed class SqliteBalancesProjectionStore : IBalancesProjectionStore
{
    private const string CheckpointsDdl = """
        CREATE TABLE IF NOT EXISTS projection_checkpoints (
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            global_position INTEGER NOT NULL,
            active INTEGER NOT NULL CHECK (active IN (0, 1)),
            PRIMARY KEY (name, version));
        """;

    private readonly string _connectionString;

    /// <summary>A store in the SQLite file at <paramref name="databasePath"/>, created when missing.</summary>
    public SqliteBalancesProjectionStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds a statement waits for the ledger writer (or another process) to release the write lock.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, CheckpointsDdl, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> EnsureVersionAsync(int version, CancellationToken cancellationToken)
    {
        var table = BalancesTable.Name(version);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, CheckpointsDdl + $"""
            CREATE TABLE IF NOT EXISTS {table} (
                ledger TEXT NOT NULL,
                currency TEXT NOT NULL,
                tenant TEXT NOT NULL,
                account TEXT NOT NULL,
                balance_minor INTEGER NOT NULL,
                event_count INTEGER NOT NULL,
                last_position INTEGER NOT NULL,
                PRIMARY KEY (ledger, currency));
            INSERT INTO projection_checkpoints (name, version, global_position, active)
            SELECT $name, $version, 0,
                   NOT EXISTS (SELECT 1 FROM projection_checkpoints WHERE name = $name AND active = 1)
            WHERE true
            ON CONFLICT (name, version) DO NOTHING;
            """, cancellationToken, ("$name", BalancesTable.ProjectionName), ("$version", version));
        var checkpoint = await ReadCheckpointAsync(connection, transaction, version, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return checkpoint ?? throw new InvalidOperationException($"checkpoint of balances version {version} vanished while it was created.");
    }

    /// <inheritdoc />
    public async Task ApplyAsync(int version, long expectedCheckpoint, IReadOnlyList<BalanceDelta> deltas, long newCheckpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var table = BalancesTable.Name(version);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // Moving the checkpoint first makes a stale runner fail before it writes any row.
        var moved = await ExecuteAsync(connection, transaction, """
            UPDATE projection_checkpoints SET global_position = $new
            WHERE name = $name AND version = $version AND global_position = $expected;
            """, cancellationToken,
            ("$new", newCheckpoint), ("$name", BalancesTable.ProjectionName), ("$version", version), ("$expected", expectedCheckpoint));
        if (moved != 1)
        {
            throw new InvalidOperationException(
                $"checkpoint of balances version {version} is no longer {expectedCheckpoint}: another runner moved it, or the version is missing.");
        }
        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = $"""
                INSERT INTO {table} (ledger, currency, tenant, account, balance_minor, event_count, last_position)
                VALUES ($ledger, $currency, $tenant, $account, $amount, $count, $position)
                ON CONFLICT (ledger, currency) DO UPDATE SET
                    balance_minor = balance_minor + excluded.balance_minor,
                    event_count = event_count + excluded.event_count,
                    last_position = max(last_position, excluded.last_position);
                """;
            var ledger = upsert.Parameters.Add("$ledger", SqliteType.Text);
            var currency = upsert.Parameters.Add("$currency", SqliteType.Text);
            var tenant = upsert.Parameters.Add("$tenant", SqliteType.Text);
            var account = upsert.Parameters.Add("$account", SqliteType.Text);
            var amount = upsert.Parameters.Add("$amount", SqliteType.Integer);
            var count = upsert.Parameters.Add("$count", SqliteType.Integer);
            var position = upsert.Parameters.Add("$position", SqliteType.Integer);
            foreach (var delta in deltas)
            {
                ledger.Value = delta.Ledger;
                currency.Value = delta.Currency;
                tenant.Value = delta.Tenant;
                account.Value = delta.Account;
                amount.Value = delta.AmountMinor;
                count.Value = delta.EventCount;
                position.Value = delta.LastPosition;
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long?> ReadCheckpointAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadCheckpointAsync(connection, null, version, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int?> ReadActiveVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM projection_checkpoints WHERE name = $name AND active = 1;";
        command.Parameters.AddWithValue("$name", BalancesTable.ProjectionName);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task ActivateAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (await ReadCheckpointAsync(connection, transaction, version, cancellationToken) is null)
        {
            throw new InvalidOperationException($"balances version {version} does not exist; it cannot become active.");
        }
        await ExecuteAsync(connection, transaction,
            "UPDATE projection_checkpoints SET active = (version = $version) WHERE name = $name;",
            cancellationToken, ("$version", version), ("$name", BalancesTable.ProjectionName));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AccountBalanceRow?> ReadBalanceAsync(int version, string tenant, string account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT currency, balance_minor, event_count, last_position FROM {BalancesTable.Name(version)}
            WHERE ledger = $ledger ORDER BY currency;
            """;
        command.Parameters.AddWithValue("$ledger", Actors.Domain.LedgerNames.Account(tenant, account));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AccountBalanceRow.ReadAsync(reader, tenant, account, cancellationToken);
    }

    /// <inheritdoc />
    public async Task DropVersionAsync(int version, CancellationToken cancellationToken)
    {
        var table = BalancesTable.Name(version);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var removed = await ExecuteAsync(connection, transaction,
            "DELETE FROM projection_checkpoints WHERE name = $name AND version = $version AND active = 0;",
            cancellationToken, ("$name", BalancesTable.ProjectionName), ("$version", version));
        if (removed == 0 && await ReadCheckpointAsync(connection, transaction, version, cancellationToken) is not null)
        {
            throw new InvalidOperationException($"balances version {version} is active; activate another version before dropping it.");
        }
        await ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {table};", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<long?> ReadCheckpointAsync(SqliteConnection connection, SqliteTransaction? transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT global_position FROM projection_checkpoints WHERE name = $name AND version = $version;";
        command.Parameters.AddWithValue("$name", BalancesTable.ProjectionName);
        command.Parameters.AddWithValue("$version", version);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
