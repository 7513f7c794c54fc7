using Actors.IntegrationTests.Ledger;
using Actors.Ledger;
using Actors.Ledger.Projections;
using Microsoft.Data.Sqlite;

namespace Actors.IntegrationTests.Projections;

/// <summary>The <c>balances</c> projection on SQLite, in the same temporary file as the ledger (as the <c>local</c> profile runs it).</summary>
public sealed class SqliteBalancesProjectionTests : BalancesProjectionContractTests
{
    private readonly TemporarySqliteFile _file = new();

    protected override Task<ILedgerStore> OpenLedgerAsync() => Task.FromResult<ILedgerStore>(new SqliteLedgerStore(_file.Path));

    protected override IBalancesProjectionStore OpenProjectionStore() => new SqliteBalancesProjectionStore(_file.Path);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file open; the directory cannot be removed while they do.
        SqliteConnection.ClearAllPools();
        _file.Dispose();
    }
}
