using System.Collections.Concurrent;
using Actors.Client;
using Actors.Contracts.Billing;
using Actors.Contracts.Events;
using Actors.Testing;

namespace Actors.IntegrationTests.Processes;

/// <summary>
/// The embedded lanes lose nothing on SIGKILL: every publish acknowledged before the kill takes effect exactly once after a
/// restart, whether it had been delivered, was in flight, or still sat in the queue.
/// </summary>
public sealed class LaneKillTests : IDisposable
{
    private const int Publishers = 6;
    private const int AcknowledgedBeforeKill = 400;
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _data = Directory.CreateTempSubdirectory("actors-lanekill-").FullName;

    [Fact]
    public async Task Publishes_acknowledged_before_a_sigkill_take_effect_exactly_once_after_restart()
    {
        int siloPort = FreePort.Next(), gatewayPort = FreePort.Next(), httpPort = FreePort.Next();
        var acknowledged = new ConcurrentBag<(string Account, long Seq)>();

        await using (var silo = await SiloProcess.StartAsync(_data, siloPort, gatewayPort, httpPort))
        {
            await using var client = await Connect(gatewayPort);
            var publishers = Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
            {
                var account = $"acc-{p}";
                for (long seq = 1; ; seq++)
                {
                    try
                    {
                        await client.Events.PublishAsync(Usage(account, seq), CancellationToken.None);
                    }
                    catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                    {
                        // The silo is gone: this publish was never acknowledged.
                        return;
                    }
                    acknowledged.Add((account, seq));
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < AcknowledgedBeforeKill && DateTime.UtcNow < deadline && !publishers.All(t => t.IsCompleted))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
            Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"only {acknowledged.Count} acknowledged:\n{silo.Output}");
            await silo.KillAsync();
            await Task.WhenAll(publishers);
        }

        await using var restarted = await SiloProcess.StartAsync(_data, siloPort, gatewayPort, httpPort);
        await using var after = await Connect(gatewayPort);
        foreach (var group in acknowledged.GroupBy(a => a.Account))
        {
            var expected = group.Select(a => a.Seq).ToHashSet();
            // The lanes deliver after the restart; wait for the account's ledger to hold every acknowledged event.
            var ledger = await WaitForLedgerAsync(after, group.Key, expected, TimeSpan.FromSeconds(60));
            Assert.Equal(ledger.Count, ledger.Select(r => r.Seq).Distinct().Count());
            var balance = await after.Billing.GetBalanceAsync("lanes", group.Key);
            Assert.Equal(ledger.Count, balance.EventCount);
            Assert.Equal(ledger.Sum(r => r.Seq), balance.BalanceMinor["USD"]);
        }
    }

    private static async Task<IReadOnlyList<Actors.Contracts.LedgerRecord>> WaitForLedgerAsync(ActorsClient client, string account, HashSet<long> expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var ledger = await client.Billing.GetLedgerAsync("lanes", account, fromPosition: 1, max: 10_000);
            var missing = expected.Except(ledger.Select(r => r.Seq)).ToList();
            if (missing.Count == 0)
            {
                return ledger;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{account}: acknowledged but not applied: {string.Join(",", missing.Take(20))}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static EventEnvelope Usage(string account, long seq) => new("lanes", account, "pub", seq, "UsageRecorded", At.AddSeconds(seq),
        $$"""{"meter":"api","quantity":{{seq}},"unitPriceMinor":1,"currency":"USD"}""");

    private static Task<ActorsClient> Connect(int gatewayPort) => ActorsClient.ConnectAsync(new ActorsClientOptions
    {
        GatewayPort = gatewayPort,
        Retry = { MaxRetryAttempts = 0 },
    }, CancellationToken.None);

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
