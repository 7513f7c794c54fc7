using Actors.IntegrationTests.Ledger;
using Actors.IntegrationTests.OrleansSchema;
using Actors.Ledger.Invoicing;
using Npgsql;
using Xunit;

namespace Actors.IntegrationTests.Invoicing;

/// <summary>
/// The invoice store contract on PostgreSQL, in a fresh database for this class (ACTORS_TEST_POSTGRES must name a server).
/// Tests share the database but not tenants.
/// </summary>
public sealed class PostgresInvoiceStoreTests(PostgresLedgerDatabase database)
    : InvoiceStoreContractTests, IClassFixture<PostgresLedgerDatabase>
{
    protected override IInvoiceStore CreateStore() => new PostgresInvoiceStore(database.ConnectionString);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_database_refuses_truncate()
    {
        var tenant = SampleInvoices.NewTenant();
        var invoice = SampleInvoices.Of(tenant, "c1");
        await Store.InsertOrGetAsync(invoice, Ct);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteSqlAsync("TRUNCATE invoices"));

        Assert.Contains("immutable", error.Message, StringComparison.Ordinal);
        InvoiceAssert.Equal(invoice, (await Store.ReadAccountsAsync(tenant, ["c1"], Ct)).Single());
    }

    [Fact]
    public async Task Silos_starting_together_create_the_schema_once_without_errors()
    {
        await using var fresh = await FreshPostgresDatabase.CreateAsync(Ct);
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresInvoiceStore(fresh.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => s.InitializeAsync(Ct)));

            Assert.Equal(2L, await fresh.ScalarAsync(
                "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'invoices'::regclass AND NOT tgisinternal", Ct));
            var invoice = SampleInvoices.Of("t1", "c1");
            Assert.True((await stores[3].InsertOrGetAsync(invoice, Ct)).Created);
            InvoiceAssert.Equal(invoice, (await stores[1].ReadAccountsAsync("t1", ["c1"], Ct)).Single());
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
