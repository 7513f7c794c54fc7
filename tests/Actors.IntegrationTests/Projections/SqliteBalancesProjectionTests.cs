using Actors.IntegrationTests.Ledger;
using Actors.Ledger;
using Actors.Ledger.Projections;
using Microsoft.Data.Sqlite;

namespace Actors.IntegrationTests.Projections;

/// <summary>The <c>balances</c> projection on SQLite, in the same temporary file as the ledger (the store allows either).</summary>
public sealed class SqliteBalancesProjectionTests : BalancesProjectionContractTests
{
    private readonly TemporarySqliteFile _file = new();

    protected override Task<ILedgerStore> OpenLedgerAsync() => Task.FromResult<ILedgerStore>(new SqliteLedgerStore(_file.Path));

    protected override IBalancesProjectionStore OpenProjectionStore() => new SqliteBalancesProjectionStore(_file.Path);

    protected override async Task CreatePreviousBuildSchemaAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        // Verbatim the DDL of the build before logic versions (and usage) existed.
        command.CommandText = """
            CREATE TABLE projection_checkpoints (
                name TEXT NOT NULL,
                version INTEGER NOT NULL,
                global_position INTEGER NOT NULL,
                active INTEGER NOT NULL CHECK (active IN (0, 1)),
                PRIMARY KEY (name, version));
            CREATE TABLE balances_v1 (
                ledger TEXT NOT NULL,
                currency TEXT NOT NULL,
                tenant TEXT NOT NULL,
                account TEXT NOT NULL,
                balance_minor INTEGER NOT NULL,
                event_count INTEGER NOT NULL,
                last_position INTEGER NOT NULL,
                PRIMARY KEY (ledger, currency));
            INSERT INTO projection_checkpoints (name, version, global_position, active) VALUES ('balances', 1, 0, 1);
            """;
        await command.ExecuteNonQueryAsync(Ct);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file open; the directory cannot be removed while they do.
        SqliteConnection.ClearAllPools();
        _file.Dispose();
    }
}
