using Actors.Ledger;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Actors.IntegrationTests.Ledger;

/// <summary>The ledger contract on SQLite, each test on a temporary file of its own.</summary>
public sealed class SqliteLedgerStoreTests : LedgerStoreContractTests
{
    private readonly TemporarySqliteFile _file = new();

    protected override ILedgerStore CreateStore() => new SqliteLedgerStore(_file.Path);

    protected override Task ExecuteSqlAsync(string sql) => _file.ExecuteAsync(sql, Ct);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(_file.UnpooledConnectionString));
        _file.Dispose();
    }

    [Fact]
    public async Task A_new_file_has_an_empty_ledger()
    {
        Assert.Equal(0, await Store.ReadHeadAsync(Ct));
        Assert.Empty(await Store.ReadAllAsync(0, 10, Ct));
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_so_reads_do_not_wait_for_the_writer()
    {
        Assert.Equal("wal", (string?)await _file.ScalarAsync("PRAGMA journal_mode", Ct));
    }

    [Fact]
    public async Task The_path_is_a_file_path_resolved_to_an_absolute_one()
    {
        var store = (SqliteLedgerStore)Store;

        Assert.Equal(_file.Path, store.DatabasePath);
        Assert.True(File.Exists(_file.Path));
        await Task.CompletedTask;
    }
}
