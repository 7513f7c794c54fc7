using System.Collections.Concurrent;
using Actors.Client;
using Actors.Testing;
using Xunit.Abstractions;

namespace Actors.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL restarted under load: calls made while it is down fail with a clear, retriable error (or succeed after the
/// SDK's retries), nothing acknowledged is lost or applied twice, and the same silo processes serve again once it is back.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writers = 4;
    private readonly string _data = Directory.CreateTempSubdirectory("actors-pgfault-").FullName;
    private ThrowawayPostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await ThrowawayPostgres.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_database_restart_under_load_loses_nothing_and_the_silos_recover_without_a_restart()
    {
        var clusterId = $"pg-{Guid.NewGuid():N}"[..16];
        string[] Args() => SiloProcess.ClusterProfileArguments(_postgres.ConnectionString, clusterId);
        await using var first = await SiloProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_data, "a")).FullName, FreePort.Next(), FreePort.Next(), FreePort.Next(), extraArgs: Args());
        await using var second = await SiloProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_data, "b")).FullName, FreePort.Next(), FreePort.Next(), FreePort.Next(), extraArgs: Args());
        await using var client = await ActorsClient.ConnectAsync(new ActorsClientOptions
        {
            Profile = ClusterProfile.Cluster,
            PostgresConnectionString = _postgres.ConnectionString,
            ClusterId = clusterId,
        });

        var acknowledged = new ConcurrentDictionary<(string Account, long Seq), long>();
        var failures = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var account = $"acc-{w}";
            for (long seq = 1; !stop.IsCancellationRequested; seq++)
            {
                // A failed call is sent again with the same (source, seq) until it is acknowledged: it may have been
                // applied before its answer was lost, and then the retry must be answered as a duplicate.
                while (true)
                {
                    try
                    {
                        await client.Billing.RecordUsageAsync("pgfault", account, "loadgen", seq, "api", quantity: seq, unitPriceMinor: 1);
                        acknowledged[(account, seq)] = seq;
                        break;
                    }
                    catch (ClusterUnavailableException unavailable)
                    {
                        failures.Enqueue(unavailable);
                        if (stop.IsCancellationRequested)
                        {
                            return;
                        }
                    }
                }
            }
        })).ToList();

        await Until(() => acknowledged.Count >= 200, "200 acknowledged before the restart", writers);
        await _postgres.StopAsync(CancellationToken.None);
        var acknowledgedAtStop = acknowledged.Count;
        await Until(() => !failures.IsEmpty, "a call to fail while the database is down", writers);
        await _postgres.RestartAsync(CancellationToken.None);
        await Until(() => acknowledged.Count >= acknowledgedAtStop + 200, "200 more acknowledged after the restart", writers, TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        // The same processes answer: nothing was restarted to recover.
        await first.WaitHealthyAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await second.WaitHealthyAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        output.WriteLine($"{acknowledged.Count} acknowledged, {failures.Count} call(s) failed during the outage; first: {(failures.TryPeek(out var f0) ? f0.Message : "none")}");
        Assert.All(failures, f => Assert.Contains("database", f.Message, StringComparison.OrdinalIgnoreCase));

        foreach (var group in acknowledged.Keys.GroupBy(k => k.Account))
        {
            var ledger = await client.Billing.GetLedgerAsync("pgfault", group.Key, fromPosition: 1, max: 10_000);
            var counts = ledger.GroupBy(r => r.Seq).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(group, k => Assert.Equal(1, counts.GetValueOrDefault(k.Seq)));
            Assert.All(counts, c => Assert.Equal(1, c.Value));
            var balance = await client.Billing.GetBalanceAsync("pgfault", group.Key);
            Assert.Equal(ledger.Sum(r => r.Seq), balance.BalanceMinor["USD"]);
            Assert.True(balance.BalanceMinor["USD"] >= group.Sum(k => k.Seq));
        }
    }

    private static async Task Until(Func<bool> condition, string what, IReadOnlyCollection<Task> writers, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (writers.FirstOrDefault(w => w.IsFaulted) is { } faulted)
            {
                throw new InvalidOperationException($"a writer failed while waiting for {what}", faulted.Exception);
            }
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
