using Actors.IntegrationTests.Ledger;
using Actors.Ledger.Invoicing;
using Microsoft.Data.Sqlite;

namespace Actors.IntegrationTests.Invoicing;

/// <summary>The invoice store contract on SQLite, each test on a temporary file of its own.</summary>
public sealed class SqliteInvoiceStoreTests : InvoiceStoreContractTests
{
    private readonly TemporarySqliteFile _file = new();

    protected override IInvoiceStore CreateStore() => new SqliteInvoiceStore(_file.Path);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _file.Dispose();
    }

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _file.Path, Pooling = false }.ToString();
}
