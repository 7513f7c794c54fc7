using System.Data;
using System.Data.Common;
using Actors.Contracts.Reconciliation;

namespace Actors.Ledger.Reconciliation;

/// <summary>
/// What the SQLite and PostgreSQL reconciliation stores share: reads, transitions and runs run the same SQL over a plain
/// ADO.NET connection (Microsoft.Data.Sqlite and Npgsql both take <c>@name</c> parameters). A store supplies how a
/// connection is opened, how a transition locks its row and how timestamps are kept, and writes its own schema creation
/// and batch recording, where each database has its own fast form. Only this assembly's stores derive from it.
/// </summary>
public abstract class SqlReconciliationStore : IReconciliationStore
{
    /// <summary>The key of <c>reconciliation_results</c> and of an audit row, in key order.</summary>
    private protected const string KeyColumns = "tenant, account, billing_window, price_plan, kind";

    private const string ResultColumns =
        KeyColumns + ", status, currency, correction_minor, lines, detected_at, updated_at, adjustment_source, adjustment_seq";

    private const string IsKey =
        "tenant = @tenant AND account = @account AND billing_window = @window AND price_plan = @plan AND kind = @kind";

    private const string RunColumns =
        "run_id, tenant, billing_window, state, started_at, finished_at, cursor_account, accounts_checked, mismatches_by_kind, error";

    private readonly TimestampColumn _timestamps;
    private readonly string _schemaScript;

    private protected SqlReconciliationStore(TimestampColumn timestamps, string schemaScript)
    {
        _timestamps = timestamps;
        _schemaScript = schemaScript;
    }

    /// <summary>
    /// Appended to the select of a transition's row inside its transaction, e.g. <c>FOR UPDATE</c>; empty when beginning
    /// the transaction already excludes other writers (SQLite's <c>BEGIN IMMEDIATE</c>).
    /// </summary>
    private protected abstract string RowLock { get; }

    /// <inheritdoc />
    /// <remarks>
    /// The script runs in one transaction. Stores starting together create the schema one after another: SQLite's
    /// <c>BEGIN IMMEDIATE</c> makes a second process wait for the first, and the PostgreSQL script takes an advisory lock first.
    /// </remarks>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await PrepareDatabaseAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Command(connection, transaction, ReconciliationSchemaScript.Read(_schemaScript)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public abstract Task<int> RecordAsync(IReadOnlyList<Mismatch> found, DateTimeOffset at, CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task<ReconciliationException?> FindAsync(ReconciliationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, key, string.Empty, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReconciliationException>> ListAsync(
        string tenant, ExceptionFilter filter, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, string.Empty);
        var conditions = new List<string> { "tenant = @tenant" };
        Add(command, "@tenant", DbType.String, tenant);
        if (filter.Status is { } status)
        {
            conditions.Add("status = @status");
            Add(command, "@status", DbType.String, status.Name());
        }
        if (filter.Kind is { } kind)
        {
            conditions.Add("kind = @kind");
            Add(command, "@kind", DbType.String, kind.Name());
        }
        if (filter.Window is { } window)
        {
            conditions.Add("billing_window = @window");
            Add(command, "@window", DbType.String, window);
        }
        if (filter.Account is { } account)
        {
            conditions.Add("account = @account");
            Add(command, "@account", DbType.String, account);
        }
        if (filter.AfterAccount is { } after)
        {
            conditions.Add("account > @after");
            Add(command, "@after", DbType.String, after);
        }
        Add(command, "@max", DbType.Int32, max);
        command.CommandText =
            $"SELECT {ResultColumns} FROM reconciliation_results WHERE {string.Join(" AND ", conditions)} " +
            $"ORDER BY {KeyColumns} LIMIT @max";
        var found = new List<ReconciliationException>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(ReadException(reader));
        }
        return found;
    }

    /// <inheritdoc />
    public async Task<(ReconciliationException Exception, bool Moved)> TransitionAsync(
        ReconciliationKey key,
        IReadOnlyCollection<ExceptionStatus> allowedFrom,
        ExceptionStatus to,
        string actor,
        string reason,
        AdjustmentKey? adjustment,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(allowedFrom);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(reason);
        if (adjustment is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(adjustment.Source, nameof(adjustment));
        }
        var toName = to.Name();
        at = LedgerTimestamp.Normalize(at);

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The row is read under the lock the update needs, so of two transitions racing on one key the second sees the
        // first one's status and is refused: a compare-and-set on the status.
        var current = await FindAsync(connection, transaction, key, RowLock, cancellationToken)
            ?? throw new KeyNotFoundException($"no reconciliation exception has the key {key}.");
        if (!allowedFrom.Contains(current.Status))
        {
            // Nothing was written; disposing the transaction rolls it back and releases the lock.
            return (current, false);
        }
        var moved = current with { Status = to, UpdatedAt = at, Adjustment = adjustment ?? current.Adjustment };

        await using (var update = Command(connection, transaction,
            $"UPDATE reconciliation_results SET status = @to, updated_at = @at, adjustment_source = @source, adjustment_seq = @seq WHERE {IsKey}"))
        {
            AddKey(update, key);
            Add(update, "@to", DbType.String, toName);
            Add(update, "@at", _timestamps.Type, _timestamps.Write(at));
            Add(update, "@source", DbType.String, moved.Adjustment?.Source);
            Add(update, "@seq", DbType.Int64, moved.Adjustment?.Seq);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var audit = Command(connection, transaction,
            $"INSERT INTO reconciliation_audit ({KeyColumns}, moved_at, actor, from_status, to_status, reason) " +
            "VALUES (@tenant, @account, @window, @plan, @kind, @at, @actor, @from, @to, @reason)"))
        {
            AddKey(audit, key);
            Add(audit, "@at", _timestamps.Type, _timestamps.Write(at));
            Add(audit, "@actor", DbType.String, actor);
            Add(audit, "@from", DbType.String, current.Status.Name());
            Add(audit, "@to", DbType.String, toName);
            Add(audit, "@reason", DbType.String, reason);
            await audit.ExecuteNonQueryAsync(cancellationToken);
        }
        // Once the rows are written the commit is not abandoned for the caller's cancellation: its outcome would be unknown.
        await transaction.CommitAsync(CancellationToken.None);
        return (moved, true);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExceptionAuditEntry>> ReadAuditAsync(ReconciliationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT moved_at, actor, from_status, to_status, reason FROM reconciliation_audit WHERE {IsKey} ORDER BY audit_id");
        AddKey(command, key);
        var entries = new List<ExceptionAuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ExceptionAuditEntry(
                key,
                _timestamps.Read(reader, 0),
                reader.GetString(1),
                MismatchKindNames.ParseStatus(reader.GetString(2)),
                MismatchKindNames.ParseStatus(reader.GetString(3)),
                reader.GetString(4)));
        }
        return entries;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExceptionCount>> CountAsync(string? tenant, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT status, kind, count(*) FROM reconciliation_results {(tenant is null ? "" : "WHERE tenant = @tenant ")}GROUP BY status, kind");
        if (tenant is not null)
        {
            Add(command, "@tenant", DbType.String, tenant);
        }
        var counts = new List<ExceptionCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new ExceptionCount(
                MismatchKindNames.ParseStatus(reader.GetString(0)), MismatchKindNames.ParseKind(reader.GetString(1)), reader.GetInt64(2)));
        }
        // Workflow order, then kind number: the order a status table is read in, whatever order the database grouped in.
        return [.. counts.OrderBy(c => c.Status).ThenBy(c => c.Kind)];
    }

    /// <inheritdoc />
    public async Task StartRunAsync(ReconciliationRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"INSERT INTO reconciliation_runs ({RunColumns}) VALUES (@run, @tenant, @window, @state, @started, @finished, @cursor, @checked, @kinds, @error) " +
            "ON CONFLICT (run_id) DO NOTHING");
        AddRun(command, run);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException($"a reconciliation run with id '{run.RunId}' already exists; a new run needs a new id.");
        }
    }

    /// <inheritdoc />
    public async Task UpdateRunAsync(ReconciliationRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null,
            "UPDATE reconciliation_runs SET tenant = @tenant, billing_window = @window, state = @state, started_at = @started, " +
            "finished_at = @finished, cursor_account = @cursor, accounts_checked = @checked, mismatches_by_kind = @kinds, error = @error " +
            "WHERE run_id = @run");
        AddRun(command, run);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new KeyNotFoundException($"no reconciliation run has the id '{run.RunId}'.");
        }
    }

    /// <inheritdoc />
    public async Task<ReconciliationRun?> FindRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {RunColumns} FROM reconciliation_runs WHERE run_id = @run");
        Add(command, "@run", DbType.String, runId);
        var runs = await ReadRunsAsync(command, cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReconciliationRun>> ListRunsAsync(string? tenant, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT {RunColumns} FROM reconciliation_runs {(tenant is null ? "" : "WHERE tenant = @tenant ")}" +
            "ORDER BY started_at DESC, run_id DESC LIMIT @max");
        if (tenant is not null)
        {
            Add(command, "@tenant", DbType.String, tenant);
        }
        Add(command, "@max", DbType.Int32, max);
        return await ReadRunsAsync(command, cancellationToken);
    }

    /// <summary>Runs before the schema script and outside its transaction, for settings a transaction cannot change.</summary>
    private protected virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Opens a connection ready for use.</summary>
    private protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    private async Task<ReconciliationException?> FindAsync(
        DbConnection connection, DbTransaction? transaction, ReconciliationKey key, string lockClause, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"SELECT {ResultColumns} FROM reconciliation_results WHERE {IsKey} {lockClause}");
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadException(reader) : null;
    }

    private ReconciliationException ReadException(DbDataReader reader) => new(
        new Mismatch(
            new ReconciliationKey(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                MismatchKindNames.ParseKind(reader.GetString(4))),
            MismatchLinesJson.Read(reader.GetString(8)),
            reader.GetInt64(7),
            reader.GetString(6)),
        MismatchKindNames.ParseStatus(reader.GetString(5)),
        _timestamps.Read(reader, 9),
        _timestamps.Read(reader, 10),
        reader.IsDBNull(11) ? null : new AdjustmentKey(reader.GetString(11), reader.GetInt64(12)));

    private async Task<IReadOnlyList<ReconciliationRun>> ReadRunsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var runs = new List<ReconciliationRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new ReconciliationRun(
                RunId: reader.GetString(0),
                Tenant: reader.GetString(1),
                Window: reader.GetString(2),
                State: RunStateNames.Parse(reader.GetString(3)),
                StartedAt: _timestamps.Read(reader, 4),
                FinishedAt: _timestamps.ReadNullable(reader, 5),
                Cursor: reader.IsDBNull(6) ? null : reader.GetString(6),
                AccountsChecked: reader.GetInt64(7),
                MismatchesByKind: KindCountsJson.Read(reader.GetString(8)),
                Error: reader.IsDBNull(9) ? null : reader.GetString(9)));
        }
        return runs;
    }

    private void AddRun(DbCommand command, ReconciliationRun run)
    {
        ArgumentNullException.ThrowIfNull(run.RunId, nameof(run));
        ArgumentNullException.ThrowIfNull(run.Tenant, nameof(run));
        ArgumentNullException.ThrowIfNull(run.Window, nameof(run));
        Add(command, "@run", DbType.String, run.RunId);
        Add(command, "@tenant", DbType.String, run.Tenant);
        Add(command, "@window", DbType.String, run.Window);
        Add(command, "@state", DbType.String, RunStateNames.Name(run.State));
        Add(command, "@started", _timestamps.Type, _timestamps.Write(run.StartedAt));
        Add(command, "@finished", _timestamps.Type, _timestamps.Write(run.FinishedAt));
        Add(command, "@cursor", DbType.String, run.Cursor);
        Add(command, "@checked", DbType.Int64, run.AccountsChecked);
        Add(command, "@kinds", DbType.String, KindCountsJson.Write(run.MismatchesByKind ?? new Dictionary<string, long>()));
        Add(command, "@error", DbType.String, run.Error);
    }

    private static void AddKey(DbCommand command, ReconciliationKey key)
    {
        Add(command, "@tenant", DbType.String, key.Tenant);
        Add(command, "@account", DbType.String, key.Account);
        Add(command, "@window", DbType.String, key.Window);
        Add(command, "@plan", DbType.String, key.Plan);
        Add(command, "@kind", DbType.String, key.Kind.Name());
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
