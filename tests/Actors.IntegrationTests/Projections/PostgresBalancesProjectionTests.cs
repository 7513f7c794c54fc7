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
