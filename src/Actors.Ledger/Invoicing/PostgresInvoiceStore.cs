using Actors.Contracts.Invoicing;
using Npgsql;

namespace Actors.Ledger.Invoicing;

/// <summary>
/// Invoices in PostgreSQL (the <c>cluster</c> profile). A batch of invoices goes in as arrays through one
/// <c>INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING</c> and is read back in the same transaction, so a batch
/// costs a few round trips whatever its size.
/// </summary>
/// <remarks>
/// Concurrent issuers of one key: PostgreSQL makes the second insert wait on the first one's key until it commits, then
/// skip the row; the read that follows (a new snapshot, READ COMMITTED) returns the winner's invoice. Batches insert in key
/// order, so two batches with overlapping keys wait for each other instead of deadlocking.
/// </remarks>
public sealed class PostgresInvoiceStore : IInvoiceStore, IAsyncDisposable, IDisposable
{
    private const string Columns = "tenant, account, billing_window, plan, currency, lines::text, total_minor, through_position, issued_at";
    private const string JoinedColumns = "i.tenant, i.account, i.billing_window, i.plan, i.currency, i.lines::text, i.total_minor, i.through_position, i.issued_at";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    /// <summary>A store over its own data source built from <paramref name="connectionString"/>, disposed with the store.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=actors;Username=actors</c>.</param>
    public PostgresInvoiceStore(string connectionString)
        : this(NpgsqlDataSource.Create(connectionString), ownsDataSource: true)
    {
    }

    /// <summary>A store over <paramref name="dataSource"/>, which the caller owns and disposes.</summary>
    public PostgresInvoiceStore(NpgsqlDataSource dataSource)
        : this(dataSource, ownsDataSource: false)
    {
    }

    private PostgresInvoiceStore(NpgsqlDataSource dataSource, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    /// <inheritdoc />
    /// <remarks>The script takes an advisory lock first, so silos starting together create the schema one after another.</remarks>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(InvoiceSchemaScript.Read(InvoiceSchemaScript.Postgres), connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<(Invoice Invoice, bool Created)> InsertOrGetAsync(Invoice invoice, CancellationToken cancellationToken) =>
        (await InsertOrGetManyAsync([invoice], cancellationToken))[0];

    /// <inheritdoc />
    public async Task<IReadOnlyList<(Invoice Invoice, bool Created)>> InsertOrGetManyAsync(IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        foreach (var invoice in invoices)
        {
            InvoiceKey.Validate(invoice);
        }
        if (invoices.Count == 0)
        {
            return [];
        }

        var ordered = invoices
            .Select((invoice, index) => (Invoice: invoice, Index: index, Key: InvoiceKey.Of(invoice)))
            .OrderBy(x => x.Key.Tenant, StringComparer.Ordinal)
            .ThenBy(x => x.Key.Account, StringComparer.Ordinal)
            .ThenBy(x => x.Key.Window, StringComparer.Ordinal)
            .ThenBy(x => x.Key.Plan, StringComparer.Ordinal)
            .ThenBy(x => x.Index)
            .ToList();

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = new HashSet<InvoiceKey>();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO invoices (tenant, account, billing_window, plan, currency, lines, total_minor, through_position, issued_at)
            SELECT t, a, w, p, c, l::jsonb, total, through, issued
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::timestamptz[])
                 WITH ORDINALITY AS r(t, a, w, p, c, l, total, through, issued, n)
            ORDER BY n
            ON CONFLICT (tenant, account, billing_window, plan) DO NOTHING
            RETURNING tenant, account, billing_window, plan
            """, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ordered.Select(x => x.Key.Tenant)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ordered.Select(x => x.Key.Account)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ordered.Select(x => x.Key.Window)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ordered.Select(x => x.Key.Plan)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ordered.Select(x => x.Invoice.Currency)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ordered.Select(x => InvoiceLinesJson.Serialize(x.Invoice.Lines))] });
            insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. ordered.Select(x => x.Invoice.TotalMinor)] });
            insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. ordered.Select(x => x.Invoice.ThroughPosition)] });
            insert.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. ordered.Select(x => LedgerTimestamp.ToUtcDateTime(x.Invoice.IssuedAt))] });
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(new InvoiceKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var stored = new Dictionary<InvoiceKey, Invoice>();
        await using (var lookup = new NpgsqlCommand(
            $"""
            SELECT {JoinedColumns}
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k(t, a, w, p)
            JOIN invoices AS i ON i.tenant = k.t AND i.account = k.a AND i.billing_window = k.w AND i.plan = k.p
            """, connection, transaction))
        {
            lookup.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ordered.Select(x => x.Key.Tenant)] });
            lookup.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ordered.Select(x => x.Key.Account)] });
            lookup.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ordered.Select(x => x.Key.Window)] });
            lookup.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ordered.Select(x => x.Key.Plan)] });
            foreach (var invoice in await ReadAllAsync(lookup, cancellationToken))
            {
                stored[InvoiceKey.Of(invoice)] = invoice;
            }
        }
        await transaction.CommitAsync(CancellationToken.None);

        var results = new (Invoice, bool)[invoices.Count];
        var claimed = new HashSet<InvoiceKey>();
        for (var i = 0; i < invoices.Count; i++)
        {
            var key = InvoiceKey.Of(invoices[i]);
            var invoice = stored.TryGetValue(key, out var found)
                ? found
                : throw new InvalidOperationException($"invoice {key} is neither inserted nor stored.");
            // Of several invoices of one key in the batch, the first was inserted (ORDER BY n): it alone is "created".
            results[i] = (invoice, inserted.Contains(key) && claimed.Add(key));
        }
        return results;
    }

    /// <inheritdoc />
    public async Task<Invoice?> FindAsync(string tenant, string account, BillingWindow window, PricePlanId plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(plan);
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM invoices WHERE tenant = $1 AND account = $2 AND billing_window = $3 AND plan = $4");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = account });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = window.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = plan.ToString() });
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Invoice>> ReadAccountsAsync(string tenant, IReadOnlyList<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0)
        {
            return [];
        }
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM invoices WHERE tenant = $1 AND account = ANY($2) ORDER BY account, billing_window, plan");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. accounts] });
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Invoice>> ListAsync(string tenant, BillingWindow window, string? afterAccount, int maxAccounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentOutOfRangeException.ThrowIfNegative(maxAccounts);
        await using var command = _dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM invoices
            WHERE tenant = $1 AND billing_window = $2 AND account IN (
                SELECT DISTINCT account FROM invoices
                WHERE tenant = $1 AND billing_window = $2 AND account > $3
                ORDER BY account LIMIT $4)
            ORDER BY account, plan
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = window.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = afterAccount ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxAccounts });
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>Disposes the data source when the store built it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    /// <summary>Synchronous form of <see cref="DisposeAsync"/> for containers that dispose synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task<IReadOnlyList<Invoice>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var invoices = new List<Invoice>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            invoices.Add(InvoiceRow.Read(reader, TimestampColumn.TimestampTz));
        }
        return invoices;
    }
}
