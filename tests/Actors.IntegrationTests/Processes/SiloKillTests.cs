using Actors.Testing;
using System.Collections.Concurrent;
using Actors.Client;

namespace Actors.IntegrationTests.Processes;

/// <summary>
/// "Acknowledged means durable": the silo executable is SIGKILLed while clients are recording; after a restart every
/// acknowledged event is on the ledger and recording it again answers <c>duplicate: true</c>.
/// </summary>
public sealed class SiloKillTests : IDisposable
{
    private const int Writers = 8;
    private const int AcknowledgedBeforeKill = 300;
    private readonly string _data = Directory.CreateTempSubdirectory("actors-kill-").FullName;

    [Fact]
    public async Task Events_acknowledged_before_a_sigkill_are_on_the_ledger_after_restart()
    {
        int siloPort = FreePort.Next(), gatewayPort = FreePort.Next(), httpPort = FreePort.Next();
        var acknowledged = new ConcurrentBag<(string Account, long Seq)>();

        await using (var silo = await SiloProcess.StartAsync(_data, siloPort, gatewayPort, httpPort))
        {
            await using var client = await Connect(gatewayPort);
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                var account = $"acc-{w}";
                for (long seq = 1; ; seq++)
                {
                    try
                    {
                        await client.Billing.RecordUsageAsync("kill", account, "loadgen", seq, "api", quantity: seq, unitPriceMinor: 1);
                    }
                    catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                    {
                        // The silo is gone: this call was never acknowledged, so it proves nothing either way.
                        return;
                    }
                    acknowledged.Add((account, seq));
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < AcknowledgedBeforeKill && DateTime.UtcNow < deadline && !writers.All(t => t.IsCompleted))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
            Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"only {acknowledged.Count} acknowledged before the deadline:\n{silo.Output}");
            await silo.KillAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = await SiloProcess.StartAsync(_data, siloPort, gatewayPort, httpPort);
        await using var after = await Connect(gatewayPort);
        foreach (var group in acknowledged.GroupBy(a => a.Account))
        {
            var ledger = await after.Billing.GetLedgerAsync("kill", group.Key, fromPosition: 1, max: 10_000);
            var onLedger = ledger.Select(r => r.Seq).ToHashSet();
            var missing = group.Where(a => !onLedger.Contains(a.Seq)).Select(a => a.Seq).ToList();
            Assert.True(missing.Count == 0, $"{group.Key}: acknowledged but lost: {string.Join(",", missing)}");

            var balance = await after.Billing.GetBalanceAsync("kill", group.Key);
            Assert.Equal(ledger.Count, balance.EventCount);
            Assert.Equal(ledger.Sum(r => r.Seq), balance.BalanceMinor["USD"]);

            var lastAcknowledged = group.Max(a => a.Seq);
            var repeat = await after.Billing.RecordUsageAsync("kill", group.Key, "loadgen", lastAcknowledged, "api", quantity: lastAcknowledged, unitPriceMinor: 1);
            Assert.True(repeat.Duplicate);
        }
    }

    private static Task<ActorsClient> Connect(int gatewayPort) => ActorsClient.ConnectAsync(new ActorsClientOptions
    {
        GatewayPort = gatewayPort,
        Retry = { MaxRetryAttempts = 0 },
    }, CancellationToken.None);

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
