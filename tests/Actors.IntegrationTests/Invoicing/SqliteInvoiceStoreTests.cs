using Actors.IntegrationTests.Ledger;
using Actors.Ledger.Invoicing;
using Microsoft.Data.Sqlite;

namespace Actors.IntegrationTests.Invoicing;

/// <summary>The invoice store contract on SQLite, each test on a temporary file of its own.</summary>
public sealed class SqliteInvoiceStoreTests : InvoiceStoreContractTests
{
    private readonly TemporarySqliteFile _file = new();

    protected override IInvoiceStore CreateStore() => new SqliteInvoiceStore(_file.Path);

    protected override Task ExecuteSqlAsync(string sql) => _file.ExecuteAsync(sql, Ct);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _file.Dispose();
    }
}
