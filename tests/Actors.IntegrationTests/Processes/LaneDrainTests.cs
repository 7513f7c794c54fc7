using Actors.Client;
using Actors.Contracts.Events;
using Actors.Ledger;
using Actors.Streaming.Embedded;
using Actors.Testing;

namespace Actors.IntegrationTests.Processes;

/// <summary>
/// Ctrl-C while the embedded bulk lane is delivering a backlog: the silo stops pulling, finishes and acknowledges the
/// deliveries under way, and exits. Afterwards every event is either on the ledger or still queued, never both: nothing
/// was delivered and left unacknowledged (which a restart would deliver a second time).
/// </summary>
public sealed class LaneDrainTests : IDisposable
{
    private const int Accounts = 40;
    private const int EventsPerAccount = 400;
    private readonly string _data = Directory.CreateTempSubdirectory("actors-drain-").FullName;

    [Fact]
    public async Task Sigint_during_delivery_acknowledges_everything_delivered_and_reads_nothing_more()
    {
        // A small read-ahead, so the interrupt finds most of the backlog still unread in lanes.db.
        var environment = new Dictionary<string, string>
        {
            ["Actors__Lanes__Embedded__Bulk__CacheSize"] = "256",
            ["Actors__Lanes__Embedded__Bulk__BatchSize"] = "32",
        };
        await using var silo = await SiloProcess.StartAsync(_data, FreePort.Next(), FreePort.Next(), FreePort.Next(), environment,
            startTimeout: TimeSpan.FromSeconds(120));
        var published = new HashSet<(string Source, long Seq)>();
        await using (var client = await ActorsClient.ConnectAsync(new ActorsClientOptions { GatewayPort = silo.GatewayPort }))
        {
            var at = DateTimeOffset.UtcNow;
            var envelopes = new List<EventEnvelope>();
            for (var seq = 1; seq <= EventsPerAccount; seq++)
            {
                for (var account = 0; account < Accounts; account++)
                {
                    envelopes.Add(new EventEnvelope("drain", $"acc-{account}", $"m-{account}", seq, "UsageRecorded", at,
                        $$"""{"meter":"api","quantity":{{seq}},"unitPriceMinor":1,"currency":"USD"}"""));
                    published.Add(($"m-{account}", seq));
                }
            }
            var receipts = await client.Events.PublishBatchAsync(envelopes);
            Assert.All(receipts, r => Assert.Equal("bulk", r.Lane));

            // Interrupt in the middle of the backlog: some events applied, not all.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await client.Billing.GetBalanceAsync("drain", "acc-0")).EventCount < 5)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the lane delivered nothing in 60 s:\n{silo.Output}");
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        }

        var exitCode = await silo.InterruptAsync(TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{silo.Output}");
        Assert.Contains("Lanes drained", silo.Output);

        var applied = new List<(string Source, long Seq)>();
        await using (var ledger = new SqliteLedgerStore(Path.Combine(_data, "ledger.db")))
        {
            foreach (var entry in await ledger.ReadAllAsync(0, 1_000_000, CancellationToken.None))
            {
                if (entry.Tenant == "drain")
                {
                    applied.Add((entry.Source, entry.Seq));
                }
            }
        }
        var queued = new List<(string Source, long Seq)>();
        await using (var lanes = new SqliteLaneStore(_data))
        {
            var (_, partitions) = await lanes.ReadBacklogAsync(CancellationToken.None);
            foreach (var partition in partitions.Where(p => p.Pending > 0))
            {
                var rows = await lanes.ReadAsync(partition.Lane, partition.Partition, 0, 1_000_000, CancellationToken.None);
                queued.AddRange(rows.Select(r => (r.Message.Envelope.Source, r.Message.Envelope.Seq)));
            }
            Assert.Equal(0, await lanes.CountAsync("bulk", CancellationToken.None));
        }

        Assert.Equal(applied.Count, applied.Distinct().Count());
        var both = applied.Intersect(queued).ToList();
        Assert.True(both.Count == 0, $"{both.Count} event(s) applied but left queued, e.g. {string.Join(", ", both.Take(5))}");
        Assert.True(queued.Count > 0,
            $"the whole backlog was delivered before the interrupt: the test proved nothing about the drain:\n{string.Join("\n", silo.Output.Split('\n').Where(l => l.Contains("Lanes")))}");
        Assert.Equal(published.Order(), applied.Concat(queued).Order());
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
