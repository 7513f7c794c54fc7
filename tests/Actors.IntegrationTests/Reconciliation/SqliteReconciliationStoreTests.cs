using Actors.IntegrationTests.Ledger;
using Actors.Ledger;
using Actors.Ledger.Reconciliation;
using Microsoft.Data.Sqlite;

namespace Actors.IntegrationTests.Reconciliation;

/// <summary>The reconciliation store contract on SQLite, each test on a temporary file of its own.</summary>
public sealed class SqliteReconciliationStoreTests : ReconciliationStoreContractTests
{
    private readonly TemporarySqliteFile _file = new();

    protected override IReconciliationStore CreateStore() => new SqliteReconciliationStore(_file.Path);

    protected override Task ExecuteSqlAsync(string sql) => _file.ExecuteAsync(sql, Ct);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file open; the directory cannot be removed while they do.
        SqliteConnection.ClearAllPools();
        _file.Dispose();
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_so_reads_do_not_wait_for_a_writer()
    {
        Assert.Equal("wal", (string?)await _file.ScalarAsync("PRAGMA journal_mode", Ct));
    }

    [Fact]
    public async Task The_store_shares_the_ledgers_file()
    {
        await using var ledger = new SqliteLedgerStore(_file.Path);
        await ledger.InitializeAsync(Ct);
        var found = SampleMismatches.Of(SampleMismatches.Key(Tenant, "a1"));

        Assert.Equal(1, await Store.RecordAsync([found], SampleMismatches.T0, Ct));

        Assert.Equal(0, await ledger.ReadHeadAsync(Ct));
        Assert.Equal(found.Key, (await Store.FindAsync(found.Key, Ct))?.Key);
    }
}
