using System.Diagnostics;
using Actors.Contracts.Invoicing;
using Actors.Domain.Invoicing;
using Actors.Grains.Reconciliation;
using Actors.Ledger;
using Actors.Ledger.Invoicing;
using Actors.Ledger.Projections;
using Actors.Ledger.Reconciliation;
using Actors.Testing;
using Microsoft.Data.Sqlite;

namespace Actors.Benchmarks;

/// <summary>
/// Accounts reconciled per second by <see cref="AccountBatchReconciler"/> (what each reconciliation worker grain runs), in
/// batches checked in parallel as a run's waves are, on the profile's databases. The baseline in the same run is the same
/// batched reads (projection, ledgers, invoices) with no check and no write: the floor of any reconciliation. Round 1 stores
/// every result; later rounds are reruns that find the same results and store nothing new.
/// </summary>
internal sealed class ReconcileBenchmark(ReconcileArguments arguments)
{
    private const int SeedAccountsPerChunk = 10_000;
    private static readonly PricePlanId Plan = new("standard", 1);

    public async Task<IReadOnlyList<ReconcileRound>> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("actors-reconcile-bench-").FullName;
        ScratchDatabase? database = null;
        var owned = new List<object>();
        try
        {
            if (arguments.Profile == "cluster")
            {
                database = await ScratchDatabase.CreateAsync(arguments.Postgres!, cancellationToken);
                progress($"PostgreSQL database {database.Name}");
            }
            var cs = database?.ConnectionString;
            var ledgerPath = Path.Combine(directory, "ledger.db");
            ILedgerStore ledger = cs is null ? new SqliteLedgerStore(ledgerPath) : new PostgresLedgerStore(cs);
            IBalancesProjectionStore projection = cs is null ? new SqliteBalancesProjectionStore(Path.Combine(directory, "projections.db")) : new PostgresBalancesProjectionStore(cs);
            IInvoiceStore invoices = cs is null ? new SqliteInvoiceStore(Path.Combine(directory, "invoices.db")) : new PostgresInvoiceStore(cs);
            IReconciliationStore results = cs is null ? new SqliteReconciliationStore(Path.Combine(directory, "reconciliation.db")) : new PostgresReconciliationStore(cs);
            owned.AddRange([results, invoices, projection, ledger]);
            await ledger.InitializeAsync(cancellationToken);
            await projection.InitializeAsync(cancellationToken);
            await invoices.InitializeAsync(cancellationToken);
            await results.InitializeAsync(cancellationToken);

            var plans = new PricePlanCatalog(
                [PricePlanFile.Parse("standard.v1.json", await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "cluster-config", "pricing", "standard.v1.json"), cancellationToken))],
                "cluster-config/pricing");
            var seed = new ReconcileLedgerSeed(arguments.Accounts);
            await SeedAsync(seed, cs, ledgerPath, invoices, plans.Find(Plan), ledger, projection, progress, cancellationToken);

            var reader = new BalancesProjectionReader(projection);
            var reconciler = new AccountBatchReconciler(ledger, invoices, reader, results, plans, Plan, TimeProvider.System);
            var accounts = Enumerable.Range(0, seed.Accounts).Select(ReconcileLedgerSeed.AccountId).Chunk(arguments.BatchSize).ToList();
            var rounds = new List<ReconcileRound>();
            for (var round = 1; round <= arguments.Rounds; round++)
            {
                var baseline = await TimeAsync(accounts, async batch =>
                {
                    await reader.ReadAccountsAsync(ReconcileLedgerSeed.Tenant, batch, cancellationToken);
                    await ledger.ReadLedgersAsync([.. batch.Select(a => Actors.Domain.LedgerNames.Account(ReconcileLedgerSeed.Tenant, a))], cancellationToken);
                    await invoices.ReadAccountsAsync(ReconcileLedgerSeed.Tenant, batch, cancellationToken);
                    return (0L, 0L, 0L);
                });
                var full = await TimeAsync(accounts, async batch =>
                {
                    var result = await reconciler.CheckAsync(ReconcileLedgerSeed.Tenant, ReconcileLedgerSeed.Window, batch, cancellationToken);
                    return (result.AccountsChecked, result.MismatchesByKind.Values.Sum(), (long)result.NewResults);
                });
                if (full.Checked != seed.Accounts || full.Mismatches != seed.ExpectedMismatches)
                {
                    throw new InvalidOperationException(
                        $"round {round} checked {full.Checked} accounts and found {full.Mismatches} mismatches; expected {seed.Accounts} and {seed.ExpectedMismatches}.");
                }
                rounds.Add(new ReconcileRound(round, full.Seconds, baseline.Seconds, seed.Accounts, full.Mismatches, full.NewResults));
                progress($"round {round}: reconcile {seed.Accounts / full.Seconds:F0} accounts/s ({full.NewResults} new results), reads only {seed.Accounts / baseline.Seconds:F0} accounts/s");
            }
            return rounds;
        }
        finally
        {
            foreach (var store in owned)
            {
                if (store is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync();
                }
            }
            if (database is not null)
            {
                await database.DisposeAsync();
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<(double Seconds, long Checked, long Mismatches, long NewResults)> TimeAsync(
        IReadOnlyList<string[]> batches, Func<string[], Task<(long Checked, long Mismatches, long NewResults)>> check)
    {
        var clock = Stopwatch.StartNew();
        long checkedAccounts = 0, mismatches = 0, created = 0;
        // Waves of `parallelism` batches, as ReconcilerGrain hands them to its workers.
        foreach (var wave in batches.Chunk(arguments.Parallelism))
        {
            foreach (var (c, m, n) in await Task.WhenAll(wave.Select(b => Task.Run(() => check(b)))))
            {
                checkedAccounts += c;
                mismatches += m;
                created += n;
            }
        }
        return (clock.Elapsed.TotalSeconds, checkedAccounts, mismatches, created);
    }

    private async Task SeedAsync(
        ReconcileLedgerSeed seed, string? postgres, string ledgerPath, IInvoiceStore invoices, PricePlan plan, ILedgerStore ledger,
        IBalancesProjectionStore projection, Action<string> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using (IRawLedgerInsert raw = postgres is null ? new SqliteRawLedgerInsert(ledgerPath) : new PostgresRawLedgerInsert(postgres))
        {
            foreach (var chunk in seed.LedgerChunks(SeedAccountsPerChunk))
            {
                await raw.InsertAsync(chunk, chunk.Count, cancellationToken);
            }
        }
        foreach (var chunk in seed.InvoiceChunks(plan, SeedAccountsPerChunk))
        {
            await invoices.InsertOrGetManyAsync(chunk, cancellationToken);
        }
        progress($"seeded {seed.Accounts:N0} accounts (ledger and invoices) in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        await new ProjectionRunner(ledger, projection).RebuildAsync(1, progress: null, cancellationToken);
        progress($"balances projection built in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
