using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.Client;
using Actors.Contracts.Events;
using Actors.Testing;

namespace Actors.Benchmarks;

/// <summary>
/// Critical-lane latency alone, under a bulk flood with two lanes, and under the same flood with both kinds on ONE shared
/// lane (the baseline the design avoids), in one run against real silo processes with embedded lanes. Latency is taken from
/// the publish call to the ledger row's commit time (same machine, same clock), so it includes queueing, delivery and the
/// durable append.
/// </summary>
internal sealed class LanesBenchmark(LanesArguments arguments)
{
    private static readonly string[] CriticalBillingTypes = ["PaymentReceived", "CreditGranted", "AdjustmentPosted"];
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromMinutes(3);

    public async Task<IReadOnlyList<LanesScenarioResult>> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var results = new List<LanesScenarioResult>();
        await using (var silo = await StartSiloAsync(sharedLane: false, cancellationToken))
        await using (var client = await ConnectAsync(silo, cancellationToken))
        {
            // Warm-up: JIT, activations, SQLite caches; not reported.
            await RunScenarioAsync(client, "warm-up", flood: true, TimeSpan.FromSeconds(3), cancellationToken);
            results.Add(await RunScenarioAsync(client, "critical alone, two lanes", flood: false, Duration, cancellationToken));
            progress(Describe(results[^1]));
            results.Add(await RunScenarioAsync(client, "critical + bulk flood, two lanes", flood: true, Duration, cancellationToken));
            progress(Describe(results[^1]));
        }
        await using (var silo = await StartSiloAsync(sharedLane: true, cancellationToken))
        await using (var client = await ConnectAsync(silo, cancellationToken))
        {
            await RunScenarioAsync(client, "warm-up", flood: true, TimeSpan.FromSeconds(3), cancellationToken);
            results.Add(await RunScenarioAsync(client, "critical + bulk flood, ONE shared lane", flood: true, Duration, cancellationToken));
            progress(Describe(results[^1]));
        }
        return results;
    }

    private TimeSpan Duration => TimeSpan.FromSeconds(arguments.Seconds);

    private static string Describe(LanesScenarioResult r) =>
        $"{r.Name}: critical p50 {r.P50Milliseconds:F1} ms, p99 {r.P99Milliseconds:F1} ms ({r.CriticalEvents}); bulk {r.BulkEventsPerSecond:F0}/s ({r.BulkEvents})";

    private static async Task<SiloProcess> StartSiloAsync(bool sharedLane, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("actors-lanes-bench-").FullName;
        // The shared-lane baseline moves every critical billing type onto the bulk lane through the routing table.
        var environment = sharedLane ? CriticalBillingTypes.ToDictionary(t => $"Actors__Lanes__Routing__{t}", _ => "bulk") : [];
        return await SiloProcess.StartAsync(data, FreePort.Next(), FreePort.Next(), FreePort.Next(), environment, cancellationToken: cancellationToken);
    }

    private static Task<ActorsClient> ConnectAsync(SiloProcess silo, CancellationToken cancellationToken) =>
        ActorsClient.ConnectAsync(new ActorsClientOptions { GatewayPort = silo.GatewayPort }, cancellationToken);

    private async Task<LanesScenarioResult> RunScenarioAsync(ActorsClient client, string name, bool flood, TimeSpan duration, CancellationToken cancellationToken)
    {
        var tenant = $"lb-{Guid.NewGuid():N}"[..12];
        // Activate every account first: a first event pays for activation (snapshot read, ledger replay), which is not
        // what the lanes are measured for.
        await Parallel.ForEachAsync(Enumerable.Range(0, arguments.Accounts), cancellationToken,
            async (a, ct) => await client.Billing.GetBalanceAsync(tenant, $"acc-{a}", ct));
        var published = new ConcurrentDictionary<(string Account, long Seq), DateTimeOffset>();
        var bulkSent = 0;
        var started = DateTimeOffset.UtcNow;
        using var stop = new CancellationTokenSource(duration);

        var critical = Task.Run(async () =>
        {
            var pending = new List<Task>();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / arguments.CriticalRate));
            for (long n = 0; await Tick(timer, stop.Token); n++)
            {
                var account = $"acc-{n % arguments.Accounts}";
                var seq = n / arguments.Accounts + 1;
                var at = DateTimeOffset.UtcNow;
                published[(account, seq)] = at;
                pending.Add(client.Events.PublishAsync(Payment(tenant, account, seq, at), cancellationToken));
            }
            await Task.WhenAll(pending);
        }, cancellationToken);

        var bulk = !flood ? Task.CompletedTask : Task.Run(async () =>
        {
            // Batches every 20 ms; each account's usage source numbers its own events.
            var perTick = Math.Max(1, arguments.BulkRate / 50);
            var nextSeq = new long[arguments.Accounts];
            var inFlight = new List<Task>();
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            while (await Tick(timer, stop.Token))
            {
                var batch = new List<EventEnvelope>(perTick);
                for (var i = 0; i < perTick; i++)
                {
                    var a = (bulkSent + i) % arguments.Accounts;
                    batch.Add(Usage(tenant, $"acc-{a}", ++nextSeq[a]));
                }
                bulkSent += perTick;
                inFlight.Add(client.Events.PublishBatchAsync(batch, cancellationToken));
                inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
            }
            await Task.WhenAll(inFlight);
        }, cancellationToken);

        await Task.WhenAll(critical, bulk);
        return await MeasureAsync(client, name, tenant, published, bulkSent, started, cancellationToken);
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<LanesScenarioResult> MeasureAsync(ActorsClient client, string name, string tenant,
        ConcurrentDictionary<(string Account, long Seq), DateTimeOffset> published, int bulkSent, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var latencies = new LatencyRecorder();
        var lastBulkCommit = started;
        var bulkCommitted = 0;
        var deadline = Stopwatch.StartNew();
        for (var a = 0; a < arguments.Accounts; a++)
        {
            var account = $"acc-{a}";
            var expectedCritical = published.Keys.Count(k => k.Account == account);
            IReadOnlyList<Actors.Contracts.LedgerRecord> ledger;
            while (true)
            {
                ledger = await client.Billing.GetLedgerAsync(tenant, account, 1, 10_000, cancellationToken);
                if (ledger.Count(r => r.Type == "PaymentReceived") >= expectedCritical)
                {
                    break;
                }
                if (deadline.Elapsed > DrainDeadline)
                {
                    throw new TimeoutException($"{name}: {account} still misses critical events after {DrainDeadline}");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            foreach (var row in ledger)
            {
                if (row.Type == "PaymentReceived" && published.TryGetValue((account, row.Seq), out var at))
                {
                    latencies.Add((row.RecordedAt - at).TotalMilliseconds);
                }
                else if (row.Type == "UsageRecorded")
                {
                    bulkCommitted++;
                    lastBulkCommit = row.RecordedAt > lastBulkCommit ? row.RecordedAt : lastBulkCommit;
                }
            }
        }
        var bulkSeconds = (lastBulkCommit - started).TotalSeconds;
        return new LanesScenarioResult(name, published.Count, latencies.Percentile(50), latencies.Percentile(99),
            bulkCommitted, bulkSent == 0 || bulkSeconds <= 0 ? 0 : bulkCommitted / bulkSeconds);
    }

    private static EventEnvelope Payment(string tenant, string account, long seq, DateTimeOffset at) =>
        new(tenant, account, "bank", seq, "PaymentReceived", at, """{"amountMinor":1,"currency":"USD"}""");

    private static EventEnvelope Usage(string tenant, string account, long seq) =>
        new(tenant, account, "meter", seq, "UsageRecorded", DateTimeOffset.UtcNow, """{"meter":"telemetry","quantity":1,"unitPriceMinor":1,"currency":"USD"}""");
}
