using System.Diagnostics;
using Actors.Ledger;
using Actors.Ledger.Projections;
using Microsoft.Data.Sqlite;

namespace Actors.Benchmarks;

/// <summary>
/// Rebuild events/s of the <c>balances</c> projection against a raw ordered scan of the same ledger (the same reads, in
/// the same page size, doing nothing with the rows), in the same run, on the profile's databases: the scan is the floor
/// of any replay, so the ratio says what the fold and the writes cost on top of it.
/// </summary>
internal sealed class RebuildBenchmark(RebuildArguments arguments)
{
    private const int SeedChunk = 50_000;
    private const int SeedTransaction = 50_000;

    public async Task<IReadOnlyList<RebuildRound>> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("actors-rebuild-bench-").FullName;
        ScratchDatabase? database = null;
        try
        {
            if (arguments.Profile == "cluster")
            {
                database = await ScratchDatabase.CreateAsync(arguments.Postgres!, cancellationToken);
                progress($"PostgreSQL database {database.Name}");
            }
            var ledgerPath = Path.Combine(directory, "ledger.db");
            ILedgerStore ledger = database is null ? new SqliteLedgerStore(ledgerPath) : new PostgresLedgerStore(database.ConnectionString);
            // The local profile keeps projections in their own file beside the ledger (as the silo does).
            IBalancesProjectionStore store = database is null
                ? new SqliteBalancesProjectionStore(Path.Combine(directory, "projections.db"))
                : new PostgresBalancesProjectionStore(database.ConnectionString);
            try
            {
                await ledger.InitializeAsync(cancellationToken);
                await store.InitializeAsync(cancellationToken);
                var seed = new RebuildLedgerSeed(arguments.Events, arguments.Accounts);
                await SeedAsync(seed, database?.ConnectionString, ledgerPath, progress, cancellationToken);
                return await MeasureAsync(ledger, store, seed, progress, cancellationToken);
            }
            finally
            {
                foreach (var owned in new object[] { store, ledger })
                {
                    if (owned is IAsyncDisposable disposable)
                    {
                        await disposable.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task SeedAsync(RebuildLedgerSeed seed, string? postgres, string ledgerPath, Action<string> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using IRawLedgerInsert raw = postgres is null ? new SqliteRawLedgerInsert(ledgerPath) : new PostgresRawLedgerInsert(postgres);
        long inserted = 0;
        foreach (var chunk in seed.Chunks(SeedChunk))
        {
            await raw.InsertAsync(chunk, SeedTransaction, cancellationToken);
            inserted += chunk.Count;
            if (inserted % 250_000 < SeedChunk)
            {
                progress($"seeded {inserted:N0} / {arguments.Events:N0} events");
            }
        }
        progress($"seeded {inserted:N0} events over {arguments.Accounts:N0} accounts in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task<IReadOnlyList<RebuildRound>> MeasureAsync(
        ILedgerStore ledger, IBalancesProjectionStore store, RebuildLedgerSeed seed, Action<string> progress, CancellationToken cancellationToken)
    {
        var runner = new ProjectionRunner(ledger, store);
        // An unreported scan first: the database's page cache starts warm for both contestants. Warm-up rounds (negative
        // numbers) are not reported either: the first rebuild also pays for compiling its pipeline.
        await ScanAsync(ledger, cancellationToken);
        var rounds = new List<RebuildRound>();
        var version = 0;
        for (var round = 1 - arguments.WarmupRounds; round <= arguments.Rounds; round++)
        {
            var (scanned, scanSeconds) = await ScanAsync(ledger, cancellationToken);
            var result = await runner.RebuildAsync(++version, arguments.BatchSize, null, cancellationToken);
            if (scanned != arguments.Events || result.EventsReplayed != arguments.Events)
            {
                throw new InvalidOperationException($"round {round}: scanned {scanned:N0} and rebuilt {result.EventsReplayed:N0} rows of {arguments.Events:N0}.");
            }
            await VerifyAsync(store, version, seed, progress, cancellationToken);
            var measured = new RebuildRound(arguments.Events, scanSeconds, result.Duration.TotalSeconds);
            if (round >= 1)
            {
                rounds.Add(measured);
            }
            progress($"{(round < 1 ? "warm-up" : $"round {round}/{arguments.Rounds}")}: scan {measured.ScanEventsPerSecond:N0}/s, rebuild {measured.RebuildEventsPerSecond:N0}/s " +
                $"({result.Duration.TotalSeconds:F2} s), ratio {measured.Ratio:F2}");
        }
        return rounds;
    }

    private static async Task<(long Rows, double Seconds)> ScanAsync(ILedgerStore ledger, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long rows = 0, next = 1;
        while (true)
        {
            var page = await ledger.ReadAllAsync(next, ProjectionRunner.RebuildPageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            rows += page.Count;
            next = page[^1].GlobalPosition + 1;
        }
        return (rows, clock.Elapsed.TotalSeconds);
    }

    // The rebuilt version must hold every account with the balances the seed summed: a fast wrong rebuild is no result.
    // Read in batches of 500, as the reconciler reads, and timed: the batch read is the reconciler's way into the projection.
    private static async Task VerifyAsync(IBalancesProjectionStore store, int version, RebuildLedgerSeed seed, Action<string> progress, CancellationToken cancellationToken)
    {
        const int ReconcilerBatch = 500;
        var clock = Stopwatch.StartNew();
        long total = 0, accounts = 0;
        foreach (var chunk in Enumerable.Range(0, seed.Accounts).Select(RebuildLedgerSeed.AccountId).Chunk(ReconcilerBatch))
        {
            var read = await store.ReadAccountsAsync(version, RebuildLedgerSeed.Tenant, chunk, cancellationToken);
            accounts += read.Count;
            total += read.Values.Sum(a => a.BalanceMinor.GetValueOrDefault("USD"));
        }
        if (accounts != seed.AccountsWithEvents || total != seed.ExpectedBalanceMinor)
        {
            throw new InvalidOperationException(
                $"version {version} holds {accounts:N0} accounts owing {total:N0} in total; the seed has {seed.Accounts:N0} owing {seed.ExpectedBalanceMinor:N0}.");
        }
        progress($"version {version} verified: {accounts:N0} accounts read back in batches of {ReconcilerBatch} at {accounts / clock.Elapsed.TotalSeconds:N0} accounts/s");
    }
}
