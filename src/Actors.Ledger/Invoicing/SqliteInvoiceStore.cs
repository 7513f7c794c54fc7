using Actors.Contracts.Invoicing;
using Microsoft.Data.Sqlite;

namespace Actors.Ledger.Invoicing;

/// <summary>
/// Invoices in a SQLite file (the <c>local</c> profile). A connection per call from the pool; writes take the file's write
/// lock up front (BEGIN IMMEDIATE), so concurrent issuers, even in other processes, insert one after another and the
/// loser of a key reads the winner's invoice. Commits are fsynced (<c>synchronous = FULL</c>).
/// </summary>
public sealed class SqliteInvoiceStore : IInvoiceStore
{
    private const string Columns = "tenant, account, billing_window, plan, currency, lines, total_minor, through_position, issued_at";

    private readonly SqliteDatabaseFile _file;

    /// <summary>A store in the SQLite file at <paramref name="databasePath"/>, created when missing.</summary>
    /// <param name="databasePath">A file path, not a connection string; relative paths are resolved against the current directory.</param>
    public SqliteInvoiceStore(string databasePath)
    {
        _file = new SqliteDatabaseFile(databasePath);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => _file.Path;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file (it persists): readers never wait for the writer. Set outside a transaction.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InvoiceSchemaScript.Read(InvoiceSchemaScript.Sqlite);
        command.ExecuteNonQuery();
        transaction.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<(Invoice Invoice, bool Created)> InsertOrGetAsync(Invoice invoice, CancellationToken cancellationToken) =>
        (await InsertOrGetManyAsync([invoice], cancellationToken))[0];

    /// <inheritdoc />
    public Task<IReadOnlyList<(Invoice Invoice, bool Created)>> InsertOrGetManyAsync(IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        foreach (var invoice in invoices)
        {
            InvoiceKey.Validate(invoice);
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (invoices.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<(Invoice, bool)>>([]);
        }

        using var connection = Open();
        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock is taken before the first insert, so the
        // lookups below see every invoice that won a key before this transaction started.
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            $"INSERT INTO invoices ({Columns}) VALUES ($tenant, $account, $window, $plan, $currency, $lines, $total, $through, $issued) " +
            "ON CONFLICT (tenant, account, billing_window, plan) DO NOTHING";
        var insertParameters = AddParameters(insert, "$tenant", "$account", "$window", "$plan", "$currency", "$lines", "$total", "$through", "$issued");
        insert.Prepare();
        using var find = FindCommand(connection);
        find.Transaction = transaction;
        find.Prepare();

        var results = new (Invoice, bool)[invoices.Count];
        for (var i = 0; i < invoices.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var invoice = invoices[i];
            insertParameters[0].Value = invoice.Tenant;
            insertParameters[1].Value = invoice.Account;
            insertParameters[2].Value = invoice.Window;
            insertParameters[3].Value = invoice.Plan;
            insertParameters[4].Value = invoice.Currency;
            insertParameters[5].Value = InvoiceLinesJson.Serialize(invoice.Lines);
            insertParameters[6].Value = invoice.TotalMinor;
            insertParameters[7].Value = invoice.ThroughPosition;
            insertParameters[8].Value = LedgerTimestamp.ToUnixMicroseconds(invoice.IssuedAt);
            var created = insert.ExecuteNonQuery() == 1;
            var stored = Find(find, InvoiceKey.Of(invoice))
                ?? throw new InvalidOperationException($"invoice {InvoiceKey.Of(invoice)} is neither inserted nor stored.");
            results[i] = (stored, created);
        }
        transaction.Commit();
        return Task.FromResult<IReadOnlyList<(Invoice, bool)>>(results);
    }

    /// <inheritdoc />
    public Task<Invoice?> FindAsync(string tenant, string account, BillingWindow window, PricePlanId plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        using var find = FindCommand(connection);
        return Task.FromResult(Find(find, new InvoiceKey(tenant, account, window.ToString(), plan.ToString())));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Invoice>> ReadAccountsAsync(string tenant, IReadOnlyList<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(accounts);
        cancellationToken.ThrowIfCancellationRequested();
        if (accounts.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<Invoice>>([]);
        }
        using var connection = Open();
        using var command = connection.CreateCommand();
        // A JSON array parameter instead of one parameter per account: SQLite caps the parameters of a statement.
        command.CommandText =
            $"SELECT {Columns} FROM invoices WHERE tenant = $tenant AND account IN (SELECT value FROM json_each($accounts)) " +
            "ORDER BY account, billing_window, plan";
        command.Parameters.AddWithValue("$tenant", tenant);
        command.Parameters.AddWithValue("$accounts", System.Text.Json.JsonSerializer.Serialize(accounts));
        return Task.FromResult(ReadAll(command));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Invoice>> ListAsync(string tenant, BillingWindow window, string? afterAccount, int maxAccounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentOutOfRangeException.ThrowIfNegative(maxAccounts);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Columns} FROM invoices WHERE tenant = $tenant AND billing_window = $window AND account IN (" +
            "SELECT DISTINCT account FROM invoices WHERE tenant = $tenant AND billing_window = $window AND account > $after " +
            "ORDER BY account LIMIT $max) ORDER BY account, plan";
        command.Parameters.AddWithValue("$tenant", tenant);
        command.Parameters.AddWithValue("$window", window.ToString());
        command.Parameters.AddWithValue("$after", afterAccount ?? string.Empty);
        command.Parameters.AddWithValue("$max", maxAccounts);
        return Task.FromResult(ReadAll(command));
    }

    // FULL: a commit returns only after the WAL is fsynced, so an issued invoice survives a power cut.
    private SqliteConnection Open() => _file.Open("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;");

    private static SqliteParameter[] AddParameters(SqliteCommand command, params string[] names)
    {
        var parameters = names.Select(name => new SqliteParameter(name, null)).ToArray();
        command.Parameters.AddRange(parameters);
        return parameters;
    }

    private static SqliteCommand FindCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Columns} FROM invoices WHERE tenant = $tenant AND account = $account AND billing_window = $window AND plan = $plan";
        AddParameters(command, "$tenant", "$account", "$window", "$plan");
        return command;
    }

    private static Invoice? Find(SqliteCommand find, InvoiceKey key)
    {
        find.Parameters[0].Value = key.Tenant;
        find.Parameters[1].Value = key.Account;
        find.Parameters[2].Value = key.Window;
        find.Parameters[3].Value = key.Plan;
        var found = ReadAll(find);
        return found.Count == 0 ? null : found[0];
    }

    private static IReadOnlyList<Invoice> ReadAll(SqliteCommand command)
    {
        var invoices = new List<Invoice>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            invoices.Add(InvoiceRow.Read(reader, TimestampColumn.UnixMicroseconds));
        }
        return invoices;
    }
}
