using Actors.IntegrationTests.OrleansSchema;
using Actors.Ledger;
using Actors.Ledger.Projections;

namespace Actors.IntegrationTests.Projections;

/// <summary>The <c>balances</c> projection on PostgreSQL, in a fresh database per test.</summary>
public sealed class PostgresBalancesProjectionTests : BalancesProjectionContractTests
{
    private readonly List<PostgresBalancesProjectionStore> _stores = [];
    private FreshPostgresDatabase? _database;

    protected override async Task<ILedgerStore> OpenLedgerAsync()
    {
        _database = await FreshPostgresDatabase.CreateAsync(Ct);
        return new PostgresLedgerStore(_database.ConnectionString);
    }

    protected override IBalancesProjectionStore OpenProjectionStore()
    {
        var store = new PostgresBalancesProjectionStore(_database!.ConnectionString);
        _stores.Add(store);
        return store;
    }

    protected override async Task CreatePreviousBuildSchemaAsync() =>
        // Verbatim the DDL of the build before logic versions (and usage) existed.
        await _database!.ScalarAsync("""
            CREATE TABLE projection_checkpoints (
                name text NOT NULL,
                version integer NOT NULL,
                global_position bigint NOT NULL,
                active boolean NOT NULL,
                PRIMARY KEY (name, version));
            CREATE TABLE balances_v1 (
                ledger text NOT NULL,
                currency text NOT NULL,
                tenant text NOT NULL,
                account text NOT NULL,
                balance_minor bigint NOT NULL,
                event_count bigint NOT NULL,
                last_position bigint NOT NULL,
                PRIMARY KEY (ledger, currency));
            INSERT INTO projection_checkpoints (name, version, global_position, active) VALUES ('balances', 1, 0, true);
            """, Ct);

    public override async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
