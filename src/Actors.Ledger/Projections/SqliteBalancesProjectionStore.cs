using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Actors.Ledger.Projections;

/// <summary>The <c>balances</c> projection in a SQLite file (the <c>local</c> profile; may share the ledger's file).</summary>
/// <remarks>
/// Commits use <c>synchronous = NORMAL</c> in WAL mode: a power cut may lose the last batches, but a batch and its
/// checkpoint are lost together, and the ledger (the truth, fsynced on every commit) replays them. The projection never
/// acknowledges anything to a caller, so it does not pay for an fsync per batch.
/// </remarks>
public sealed class SqliteBalancesProjectionStore : IBalancesProjectionStore
{
    private const string CheckpointsDdl = """
        CREATE TABLE IF NOT EXISTS projection_checkpoints (
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            global_position INTEGER NOT NULL,
            active INTEGER NOT NULL CHECK (active IN (0, 1)),
            logic_version INTEGER,
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
        // Persistent in the file: readers (balance reads) never block the batch writer, nor it them.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await EnsureCheckpointsAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> EnsureVersionAsync(int version, int logicVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(logicVersion);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await EnsureCheckpointsAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, $"""
            CREATE TABLE IF NOT EXISTS {BalancesTable.Name(version)} (
                ledger TEXT NOT NULL,
                currency TEXT NOT NULL,
                tenant TEXT NOT NULL,
                account TEXT NOT NULL,
                balance_minor INTEGER NOT NULL,
                event_count INTEGER NOT NULL,
                last_position INTEGER NOT NULL,
                PRIMARY KEY (ledger, currency)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS {BalancesTable.UsageName(version)} (
                ledger TEXT NOT NULL,
                meter TEXT NOT NULL,
                billing_window TEXT NOT NULL,
                currency TEXT NOT NULL,
                tenant TEXT NOT NULL,
                account TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                amount_minor INTEGER NOT NULL,
                event_count INTEGER NOT NULL,
                PRIMARY KEY (ledger, meter, billing_window, currency)) WITHOUT ROWID;
            INSERT INTO projection_checkpoints (name, version, global_position, active, logic_version)
            SELECT $name, $version, 0,
                   NOT EXISTS (SELECT 1 FROM projection_checkpoints WHERE name = $name AND active = 1), $logic
            WHERE true
            ON CONFLICT (name, version) DO NOTHING;
            """, cancellationToken, ("$name", BalancesTable.ProjectionName), ("$version", version), ("$logic", logicVersion));
        var checkpoint = await ReadCheckpointAsync(connection, transaction, version, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return checkpoint ?? throw new InvalidOperationException($"checkpoint of balances version {version} vanished while it was created.");
    }

    /// <inheritdoc />
    public async Task ApplyAsync(int version, long expectedCheckpoint, BalancesBatch batch, long newCheckpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA synchronous = NORMAL;", cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // Moving the checkpoint first makes a stale runner fail before it writes any row.
        var moved = await ExecuteAsync(connection, transaction, """
            UPDATE projection_checkpoints SET global_position = $new
            WHERE name = $name AND version = $version AND global_position = $expected;
            """, cancellationToken,
            ("$new", newCheckpoint), ("$name", BalancesTable.ProjectionName), ("$version", version), ("$expected", expectedCheckpoint));
        if (moved != 1)
        {
            throw new ProjectionCheckpointConflictException(version, expectedCheckpoint);
        }
        // Keys known to be new go through the same upsert: in SQLite it costs what a plain insert does.
        await UpsertBalancesAsync(connection, transaction, version, [.. batch.NewBalances, .. batch.Balances], cancellationToken);
        await UpsertUsageAsync(connection, transaction, version, [.. batch.NewUsage, .. batch.Usage], cancellationToken);
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
        return value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProjectionVersion>> ReadVersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT version, logic_version, global_position, active FROM projection_checkpoints
            WHERE name = $name ORDER BY version;
            """;
        command.Parameters.AddWithValue("$name", BalancesTable.ProjectionName);
        var versions = new List<ProjectionVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new ProjectionVersion(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? BalanceEffect.UnrecordedLogicVersion : reader.GetInt32(1),
                reader.GetInt64(2),
                reader.GetInt64(3) == 1));
        }
        return versions;
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
    public async Task<IReadOnlyDictionary<string, AccountProjection>> ReadAccountsAsync(
        int version, string tenant, IReadOnlyList<string> accounts, CancellationToken cancellationToken)
    {
        var ledgers = AccountProjectionReader.Ledgers(tenant, accounts);
        if (ledgers.Length == 0)
        {
            return new Dictionary<string, AccountProjection>();
        }
        await using var connection = await OpenAsync(cancellationToken);
        // One read transaction: both tables come from the same snapshot, so balances and usage agree with each other.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The ids travel as one JSON array parameter, so the statement is the same for any batch size.
        command.CommandText = $"""
            SELECT account, currency, balance_minor, event_count, last_position FROM {BalancesTable.Name(version)}
            WHERE ledger IN (SELECT value FROM json_each($ledgers));
            SELECT account, meter, billing_window, currency, quantity, amount_minor, event_count FROM {BalancesTable.UsageName(version)}
            WHERE ledger IN (SELECT value FROM json_each($ledgers));
            """;
        command.Parameters.AddWithValue("$ledgers", JsonSerializer.Serialize(ledgers));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AccountProjectionReader.ReadAsync(reader, tenant, cancellationToken);
    }

    /// <inheritdoc />
    public async Task DropVersionAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var removed = await ExecuteAsync(connection, transaction,
            "DELETE FROM projection_checkpoints WHERE name = $name AND version = $version AND active = 0;",
            cancellationToken, ("$name", BalancesTable.ProjectionName), ("$version", version));
        if (removed == 0 && await ReadCheckpointAsync(connection, transaction, version, cancellationToken) is not null)
        {
            throw new InvalidOperationException($"balances version {version} is active; activate another version before dropping it.");
        }
        await ExecuteAsync(connection, transaction,
            $"DROP TABLE IF EXISTS {BalancesTable.Name(version)}; DROP TABLE IF EXISTS {BalancesTable.UsageName(version)};", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task UpsertBalancesAsync(
        SqliteConnection connection, SqliteTransaction transaction, int version, IReadOnlyList<BalanceDelta> deltas, CancellationToken cancellationToken)
    {
        if (deltas.Count == 0)
        {
            return;
        }
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = $"""
            INSERT INTO {BalancesTable.Name(version)} (ledger, currency, tenant, account, balance_minor, event_count, last_position)
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
        // One single-row statement, prepared once and re-bound per row. SQLite is in-process, so there is no round trip to
        // save; measured on rebuild batches, multi-row upserts were slower (binding looks every parameter up by name).
        upsert.Prepare();
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

    private static async Task UpsertUsageAsync(
        SqliteConnection connection, SqliteTransaction transaction, int version, IReadOnlyList<UsageDelta> deltas, CancellationToken cancellationToken)
    {
        if (deltas.Count == 0)
        {
            return;
        }
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = $"""
            INSERT INTO {BalancesTable.UsageName(version)}
                (ledger, meter, billing_window, currency, tenant, account, quantity, amount_minor, event_count)
            VALUES ($ledger, $meter, $window, $currency, $tenant, $account, $quantity, $amount, $count)
            ON CONFLICT (ledger, meter, billing_window, currency) DO UPDATE SET
                quantity = quantity + excluded.quantity,
                amount_minor = amount_minor + excluded.amount_minor,
                event_count = event_count + excluded.event_count;
            """;
        var ledger = upsert.Parameters.Add("$ledger", SqliteType.Text);
        var meter = upsert.Parameters.Add("$meter", SqliteType.Text);
        var window = upsert.Parameters.Add("$window", SqliteType.Text);
        var currency = upsert.Parameters.Add("$currency", SqliteType.Text);
        var tenant = upsert.Parameters.Add("$tenant", SqliteType.Text);
        var account = upsert.Parameters.Add("$account", SqliteType.Text);
        var quantity = upsert.Parameters.Add("$quantity", SqliteType.Integer);
        var amount = upsert.Parameters.Add("$amount", SqliteType.Integer);
        var count = upsert.Parameters.Add("$count", SqliteType.Integer);
        upsert.Prepare();
        foreach (var delta in deltas)
        {
            ledger.Value = delta.Ledger;
            meter.Value = delta.Meter;
            window.Value = delta.Window;
            currency.Value = delta.Currency;
            tenant.Value = delta.Tenant;
            account.Value = delta.Account;
            quantity.Value = delta.Quantity;
            amount.Value = delta.AmountMinor;
            count.Value = delta.EventCount;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Tables created by a build from before logic versions lack the column; adding it is idempotent and takes turns
    // (the caller's BEGIN IMMEDIATE holds the write lock across the check and the ALTER).
    private static async Task EnsureCheckpointsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, CheckpointsDdl, cancellationToken);
        await using var probe = connection.CreateCommand();
        probe.Transaction = transaction;
        probe.CommandText = "SELECT count(*) FROM pragma_table_info('projection_checkpoints') WHERE name = 'logic_version';";
        if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            await ExecuteAsync(connection, transaction, "ALTER TABLE projection_checkpoints ADD COLUMN logic_version INTEGER;", cancellationToken);
        }
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
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
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
