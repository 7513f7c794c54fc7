using Actors.Contracts.Reconciliation;
using Actors.IntegrationTests.Databases;
using Actors.IntegrationTests.Ledger;
using Actors.Ledger.Reconciliation;
using Npgsql;

namespace Actors.IntegrationTests.Reconciliation;

/// <summary>
/// The reconciliation store contract on PostgreSQL, in a fresh database for this class (ACTORS_TEST_POSTGRES must name a
/// server). Tests share the database but not tenants.
/// </summary>
public sealed class PostgresReconciliationStoreTests(PostgresLedgerDatabase database)
    : ReconciliationStoreContractTests, IClassFixture<PostgresLedgerDatabase>
{
    protected override IReconciliationStore CreateStore() => new PostgresReconciliationStore(database.ConnectionString);

    protected override Task ExecuteSqlAsync(string sql) => database.ExecuteAsync(sql, Ct);

    [Fact]
    public async Task The_database_refuses_to_truncate_the_audit_trail()
    {
        var found = SampleMismatches.Of(SampleMismatches.Key(Tenant, "a1"));
        await Store.RecordAsync([found], SampleMismatches.T0, Ct);
        await Store.TransitionAsync(found.Key, [ExceptionStatus.Open], ExceptionStatus.Acknowledged, "alice", "mine", null, SampleMismatches.T0, Ct);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteSqlAsync("TRUNCATE reconciliation_audit"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Single(await Store.ReadAuditAsync(found.Key, Ct));
    }

    [Fact]
    public async Task A_store_over_a_data_source_the_caller_owns_leaves_it_open()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var found = SampleMismatches.Of(SampleMismatches.Key(Tenant, "a1"));
        await using (var store = new PostgresReconciliationStore(dataSource))
        {
            await store.InitializeAsync(Ct);
            await store.RecordAsync([found], SampleMismatches.T0, Ct);
        }

        await using var command = dataSource.CreateCommand("SELECT count(*) FROM reconciliation_results WHERE tenant = @tenant");
        command.Parameters.AddWithValue("tenant", Tenant);
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public Task Silos_starting_together_create_the_schema_once_without_errors() =>
        SilosStartingTogether.CreateTheSchemaOnceAsync(
            connectionString => new PostgresReconciliationStore(connectionString),
            (store, cancellationToken) => store.InitializeAsync(cancellationToken),
            "reconciliation_audit",
            async stores =>
            {
                var found = SampleMismatches.Of(SampleMismatches.Key(Tenant, "a1"));
                Assert.Equal(1, await stores[3].RecordAsync([found], SampleMismatches.T0, Ct));
                Assert.Equal(found.Key, (await stores[1].FindAsync(found.Key, Ct))?.Key);
            },
            Ct);
}
