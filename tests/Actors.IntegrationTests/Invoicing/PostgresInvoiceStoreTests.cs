using Actors.IntegrationTests.Databases;
using Actors.IntegrationTests.Ledger;
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

    protected override Task ExecuteSqlAsync(string sql) => database.ExecuteAsync(sql, Ct);

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
    public Task Silos_starting_together_create_the_schema_once_without_errors() =>
        SilosStartingTogether.CreateTheSchemaOnceAsync(
            connectionString => new PostgresInvoiceStore(connectionString),
            (store, cancellationToken) => store.InitializeAsync(cancellationToken),
            "invoices",
            async stores =>
            {
                var invoice = SampleInvoices.Of("t1", "c1");
                Assert.True((await stores[3].InsertOrGetAsync(invoice, Ct)).Created);
                InvoiceAssert.Equal(invoice, (await stores[1].ReadAccountsAsync("t1", ["c1"], Ct)).Single());
            },
            Ct);
}
