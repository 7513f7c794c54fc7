using System.Collections.Concurrent;
using Actors.Client;
using Actors.Contracts.Errors;
using Actors.IntegrationTests.OrleansSchema;
using Actors.Testing;

namespace Actors.IntegrationTests.Processes;

/// <summary>
/// A rolling restart under load: three <c>cluster</c> silo processes on PostgreSQL, clients recording usage, every silo
/// stopped in turn with SIGINT and started again. Clients see retried calls at most: every acknowledged event is on the
/// ledger exactly once and every balance is the sum of its acknowledged events.
/// </summary>
public sealed class RollingRestartTests : IAsyncLifetime
{
    private const int Writers = 6;
    private const int ProgressPerStep = 40;
    private const long UnitPriceMinor = 3;
    private readonly string _data = Directory.CreateTempSubdirectory("actors-rolling-").FullName;
    private readonly string _clusterId = $"rr-{Guid.NewGuid():N}"[..16];
    private FreshPostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await FreshPostgresDatabase.CreateAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Every_acknowledged_event_is_on_the_ledger_exactly_once_after_restarting_every_silo_under_load()
    {
        var ports = Enumerable.Range(0, 3).Select(_ => (Silo: FreePort.Next(), Gateway: FreePort.Next(), Http: FreePort.Next())).ToArray();
        var silos = await Task.WhenAll(Enumerable.Range(0, 3).Select(StartSilo));
        try
        {
            await using var client = await ActorsClient.ConnectAsync(new ActorsClientOptions
            {
                Profile = ClusterProfile.Cluster,
                PostgresConnectionString = _database.ConnectionString,
                ClusterId = _clusterId,
                // A request lost with its silo should be retried soon, not after the default 30 s.
                ResponseTimeout = TimeSpan.FromSeconds(5),
            });
            var acknowledged = new ConcurrentDictionary<(string Account, long Seq), long>();
            var retriedByTest = 0;
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                var account = $"acc-{w}";
                for (long seq = 1; !stop.IsCancellationRequested; seq++)
                {
                    var quantity = seq % 7 + 1;
                    while (true)
                    {
                        try
                        {
                            await client.Billing.RecordUsageAsync("rolling", account, "meter", seq, "api", quantity, UnitPriceMinor);
                            break;
                        }
                        catch (Exception failed) when (failed is not ActorsException and not Xunit.Sdk.XunitException)
                        {
                            // The SDK's own retries ran out while a silo was leaving: the same (source, seq) again, until acknowledged.
                            Interlocked.Increment(ref retriedByTest);
                            await Task.Delay(TimeSpan.FromMilliseconds(200));
                        }
                    }
                    acknowledged[(account, seq)] = quantity * UnitPriceMinor;
                }
            })).ToList();

            await WaitForProgressAsync(acknowledged, writers, ProgressPerStep);
            for (var i = 0; i < silos.Length; i++)
            {
                var exitCode = await silos[i].InterruptAsync(TimeSpan.FromSeconds(30));
                Assert.True(exitCode == 0, $"silo {i} exited with {exitCode} after SIGINT:\n{silos[i].Output}");
                Assert.Contains("Ledger writer flushed", silos[i].Output);
                await silos[i].DisposeAsync();
                silos[i] = await StartSilo(i);
                await WaitForProgressAsync(acknowledged, writers, ProgressPerStep);
            }
            await stop.CancelAsync();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));

            foreach (var account in acknowledged.Keys.Select(k => k.Account).Distinct())
            {
                var expected = acknowledged.Where(a => a.Key.Account == account).ToDictionary(a => a.Key.Seq, a => a.Value);
                var ledger = await client.Billing.GetLedgerAsync("rolling", account, fromPosition: 1, max: 10_000);
                var seqs = ledger.Select(r => r.Seq).ToList();
                Assert.True(seqs.Count == seqs.Distinct().Count(), $"{account}: an event is on the ledger twice");
                var missing = expected.Keys.Except(seqs).Order().ToList();
                Assert.True(missing.Count == 0, $"{account}: acknowledged but not on the ledger: {string.Join(",", missing)}");
                Assert.Equal(expected.Count, seqs.Count);

                var balance = await client.Billing.GetBalanceAsync("rolling", account);
                Assert.Equal(expected.Count, balance.EventCount);
                Assert.Equal(expected.Values.Sum(), balance.BalanceMinor["USD"]);
            }
            Assert.True(acknowledged.Count >= ProgressPerStep * (silos.Length + 1),
                $"only {acknowledged.Count} events acknowledged (test-level retries: {retriedByTest})");
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }

        Task<SiloProcess> StartSilo(int i) => SiloProcess.StartAsync(
            Directory.CreateDirectory(Path.Combine(_data, $"silo-{i}")).FullName, ports[i].Silo, ports[i].Gateway, ports[i].Http,
            extraArgs: SiloProcess.ClusterProfileArguments(_database.ConnectionString, _clusterId),
            startTimeout: TimeSpan.FromSeconds(120));
    }

    // Load must really run against each new topology: wait for more acknowledgements, failing if the writers died.
    private static async Task WaitForProgressAsync(ConcurrentDictionary<(string, long), long> acknowledged, List<Task> writers, int more)
    {
        var target = acknowledged.Count + more;
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (acknowledged.Count < target)
        {
            if (writers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }
            Assert.True(DateTime.UtcNow < deadline, $"no progress: {acknowledged.Count} acknowledged, waiting for {target}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
