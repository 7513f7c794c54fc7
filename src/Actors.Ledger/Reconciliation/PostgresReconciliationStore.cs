using System.Data.Common;
using Actors.Contracts.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Ledger.Reconciliation;

/// <summary>
/// Reconciliation results, their audit trail and runs in PostgreSQL (the <c>cluster</c> profile). A batch of results is
/// one statement (<c>INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE ... WHERE</c>), so it costs one round trip
/// whatever its size; a transition locks its row (<c>SELECT ... FOR UPDATE</c>), so of two racing on one key from any
/// silos exactly one moves it. Connections come from the data source's pool.
/// </summary>
/// <remarks>Timestamps are kept in UTC at microsecond resolution (timestamptz), like <see cref="SqliteReconciliationStore"/>.</remarks>
public sealed class PostgresReconciliationStore : SqlReconciliationStore, IAsyncDisposable, IDisposable
{
    // One statement, so one transaction. The update's WHERE keeps resolved and dismissed rows final and leaves a row whose
    // figures did not change untouched (its updated_at stays). Rows arrive in key order (StoredMismatch.FromBatch), so two
    // batches lock shared keys in the same order and cannot deadlock. xmax is 0 only on a row version this statement
    // inserted; one it updated carries this transaction's id, which is how new keys are told from updated ones.
    private const string RecordSql =
        $"""
        WITH upserted AS (
            INSERT INTO reconciliation_results AS r
                ({KeyColumns}, status, currency, correction_minor, lines, detected_at, updated_at)
            SELECT i.tenant, i.account, i.billing_window, i.price_plan, i.kind, @open, i.currency, i.correction_minor, i.lines, @at, @at
            FROM unnest(@tenants, @accounts, @windows, @plans, @kinds, @currencies, @corrections, @lines)
                AS i(tenant, account, billing_window, price_plan, kind, currency, correction_minor, lines)
            ON CONFLICT ({KeyColumns}) DO UPDATE
            SET currency = excluded.currency, correction_minor = excluded.correction_minor, lines = excluded.lines,
                updated_at = excluded.updated_at
            WHERE r.status IN (@open, @acknowledged)
              AND (r.currency, r.correction_minor, r.lines) IS DISTINCT FROM (excluded.currency, excluded.correction_minor, excluded.lines)
            RETURNING xmax = 0 AS inserted)
        SELECT count(*) FILTER (WHERE inserted) FROM upserted
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private bool _disposed;

    /// <summary>A store over its own data source built from <paramref name="connectionString"/>, disposed with the store.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=actors;Username=actors</c>.</param>
    public PostgresReconciliationStore(string connectionString)
        : this(NpgsqlDataSource.Create(connectionString), ownsDataSource: true)
    {
    }

    /// <summary>A store over <paramref name="dataSource"/>, which the caller owns and disposes.</summary>
    public PostgresReconciliationStore(NpgsqlDataSource dataSource)
        : this(dataSource, ownsDataSource: false)
    {
    }

    private PostgresReconciliationStore(NpgsqlDataSource dataSource, bool ownsDataSource)
        : base(TimestampColumn.TimestampTz, ReconciliationSchemaScript.Postgres)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    /// <inheritdoc />
    public override async Task<int> RecordAsync(IReadOnlyList<Mismatch> found, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var rows = StoredMismatch.FromBatch(found);
        if (rows.Count == 0)
        {
            return 0;
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(RecordSql, connection);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<string[]>("tenants", [.. rows.Select(r => r.Tenant)]));
        parameters.Add(new NpgsqlParameter<string[]>("accounts", [.. rows.Select(r => r.Account)]));
        parameters.Add(new NpgsqlParameter<string[]>("windows", [.. rows.Select(r => r.Window)]));
        parameters.Add(new NpgsqlParameter<string[]>("plans", [.. rows.Select(r => r.Plan)]));
        parameters.Add(new NpgsqlParameter<string[]>("kinds", [.. rows.Select(r => r.Kind)]));
        parameters.Add(new NpgsqlParameter<string[]>("currencies", [.. rows.Select(r => r.Currency)]));
        parameters.Add(new NpgsqlParameter<long[]>("corrections", [.. rows.Select(r => r.CorrectionMinor)]));
        parameters.Add(new NpgsqlParameter<string[]>("lines", [.. rows.Select(r => r.Lines)]));
        parameters.Add(new NpgsqlParameter<string>("open", ExceptionStatus.Open.Name()));
        parameters.Add(new NpgsqlParameter<string>("acknowledged", ExceptionStatus.Acknowledged.Name()));
        parameters.Add(new NpgsqlParameter<DateTime>("at", LedgerTimestamp.ToUtcDateTime(at)) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var added = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return checked((int)added);
    }

    /// <summary>Disposes the data source when the store built it; calls after that fail.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    /// <summary>Synchronous form of <see cref="DisposeAsync"/> for containers that dispose synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Of two transitions racing on one key, the second waits for the first to commit, then reads its status.
    private protected override string RowLock => "FOR UPDATE";

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }
}
