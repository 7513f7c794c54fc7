using Actors.IntegrationTests.Databases;
using Actors.Ledger;
using Npgsql;
using Xunit;

namespace Actors.IntegrationTests.Ledger;

/// <summary>
/// The ledger contract on PostgreSQL, in a fresh database for this class (ACTORS_TEST_POSTGRES must name a server).
/// Tests share the database but not ledgers; each test opens its own store instances.
/// </summary>
public sealed class PostgresLedgerStoreTests(PostgresLedgerDatabase database)
    : LedgerStoreContractTests, IClassFixture<PostgresLedgerDatabase>
{
    protected override ILedgerStore CreateStore() => new PostgresLedgerStore(database.ConnectionString);

    protected override Task ExecuteSqlAsync(string sql) => database.ExecuteAsync(sql, Ct);

    [Fact]
    public async Task The_database_rejects_truncate()
    {
        var ledger = SampleAppends.NewLedger();
        var entry = (await Store.AppendBatchAsync([SampleAppends.Row(ledger, 1)], Ct)).Single().Entry!;

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteSqlAsync("TRUNCATE ledger_entries"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(entry, await Store.FindAsync(ledger, "billing", 1, Ct));
    }

    [Fact]
    public Task Silos_starting_together_create_the_schema_once_without_errors() =>
        SilosStartingTogether.CreateTheSchemaOnceAsync(
            connectionString => new PostgresLedgerStore(connectionString),
            (store, cancellationToken) => store.InitializeAsync(cancellationToken),
            "ledger_entries",
            async stores =>
            {
                Assert.Equal(0, await stores[0].ReadHeadAsync(Ct));
                var ledger = SampleAppends.NewLedger();
                var appended = await stores[3].AppendBatchAsync([SampleAppends.Row(ledger, 1)], Ct);
                Assert.Equal(appended[0].Entry, await stores[1].FindAsync(ledger, "billing", 1, Ct));
            },
            Ct);

    [Fact]
    public async Task An_append_waits_for_another_silos_open_batch_so_commit_order_is_position_order()
    {
        var head = await Store.ReadHeadAsync(Ct);
        var ledger = SampleAppends.NewLedger();
        // Another silo's batch, caught between its insert and its commit: it holds the append lock
        // (key documented in ledger-postgres.sql) and a global position it has not committed yet.
        await using var otherSilo = new NpgsqlConnection(database.ConnectionString);
        await otherSilo.OpenAsync(Ct);
        await using var openBatch = await otherSilo.BeginTransactionAsync(Ct);
        await using (var insert = new NpgsqlCommand(
            $$"""
            SELECT pg_advisory_xact_lock(1097036911, 2);
            INSERT INTO ledger_entries (ledger, tenant, position, source, seq, type, occurred_at, payload)
            VALUES ({{SqlLiteral(ledger)}}, 't1', 1, 'billing', 1, 'charge', now(), '{}');
            """, otherSilo, openBatch))
        {
            await insert.ExecuteNonQueryAsync(Ct);
        }

        var append = Store.AppendBatchAsync([SampleAppends.Row(ledger, 2)], Ct);
        await WaitUntilAsync(async () => (long)(await database.Database.ScalarAsync(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", Ct))! == 1);

        // Were our append not waiting, its higher position could be read before the other silo's lower one committed.
        Assert.False(append.IsCompleted);
        Assert.Empty(await Store.ReadAllAsync(head + 1, 10, Ct));
        await openBatch.CommitAsync(Ct);
        var ours = (await append.WaitAsync(TestTimeout.Limit)).Single().Entry!;

        var all = await Store.ReadAllAsync(head + 1, 10, Ct);
        Assert.Equal([1L, 2L], all.Select(e => e.Position));
        Assert.Equal(ours, all[1]);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TestTimeout.Limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within the test timeout.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10)); // poll interval, bounded by the deadline above
        }
    }
}
