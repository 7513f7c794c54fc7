using System.Diagnostics;
using Actors.Client;
using Actors.Contracts.Billing;
using Actors.Domain.Billing;
using Actors.Testing;

namespace Actors.Benchmarks;

/// <summary>
/// Acknowledged durable events per second through the SDK into a real silo process, against batched multi-row inserts of the
/// same rows into the same database, in the same run.
/// </summary>
internal sealed class IngestBenchmark(IngestArguments arguments)
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<IReadOnlyList<IngestRound>> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("actors-bench-").FullName;
        try
        {
            var extra = arguments.Profile == "cluster"
                ? new[] { "--profile", "cluster", "--postgres", arguments.Postgres!, "--advertise", "127.0.0.1", "--cluster-id", $"bench-{Guid.NewGuid():N}" }
                : [];
            int siloPort = FreePort.Next(), gatewayPort = FreePort.Next(), httpPort = FreePort.Next();
            progress($"starting a {arguments.Profile} silo (data {data})");
            await using var silo = await SiloProcess.StartAsync(data, siloPort, gatewayPort, httpPort, extraArgs: extra, cancellationToken: cancellationToken);
            await using var client = await ActorsClient.ConnectAsync(new ActorsClientOptions
            {
                Profile = arguments.Profile == "cluster" ? ClusterProfile.Cluster : ClusterProfile.Local,
                GatewayPort = gatewayPort,
                PostgresConnectionString = arguments.Postgres,
                ClusterId = arguments.Profile == "cluster" ? extra[^1] : null,
            }, cancellationToken);
            await using IRawLedgerInsert raw = arguments.Profile == "cluster"
                ? new PostgresRawLedgerInsert(arguments.Postgres!)
                : new SqliteRawLedgerInsert(Path.Combine(data, "ledger.db"));

            var rounds = new List<IngestRound>();
            // Warm-up rounds (negative numbers) are not reported: tiered JIT, connection pools and page caches take about
            // 40,000 calls to reach steady state on this machine, and a benchmark of the steady state must not average them in.
            for (var round = 1 - arguments.WarmupRounds; round <= arguments.Rounds; round++)
            {
                var tenant = $"bench-{round}-{Guid.NewGuid():N}"[..20];
                var events = Enumerable.Range(0, arguments.Events).Select(i => Usage(i, arguments.Accounts)).ToArray();

                // Activation (snapshot read + empty replay) is a one-off per account; the benchmark measures steady ingest.
                await Parallel.ForEachAsync(Enumerable.Range(0, arguments.Accounts), cancellationToken,
                    async (a, _) => await client.Billing.GetBalanceAsync(tenant, $"acc-{a}", cancellationToken));

                var (sdkRate, p50, p99) = await RunSdkAsync(client, tenant, events, cancellationToken);
                var rows = events.Select(e => new RawRow($"raw/{tenant}/acc-{e.Account}", tenant, e.Event.Seq, e.Event.Source, e.Event.Seq,
                    e.Event.Type, e.Event.OccurredAt, BillingEventCodec.Serialize(e.Event))).ToArray();
                var stopwatch = Stopwatch.StartNew();
                await raw.InsertAsync(rows, arguments.RawBatchSize, cancellationToken);
                var rawRate = rows.Length / stopwatch.Elapsed.TotalSeconds;

                var result = new IngestRound(sdkRate, p50, p99, rawRate);
                if (round >= 1)
                {
                    rounds.Add(result);
                }
                progress($"{(round < 1 ? "warm-up" : $"round {round}/{arguments.Rounds}")}: sdk {sdkRate:F0}/s (p50 {p50:F1} ms, p99 {p99:F1} ms), raw {rawRate:F0}/s, ratio {result.Ratio:F2}");
            }
            return rounds;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private async Task<(double Rate, double P50, double P99)> RunSdkAsync(ActorsClient client, string tenant,
        (int Account, UsageRecorded Event)[] events, CancellationToken cancellationToken)
    {
        var latencies = new LatencyRecorder();
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, arguments.Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < events.Length)
            {
                var started = Stopwatch.GetTimestamp();
                var outcome = await client.Billing.RecordAsync(tenant, $"acc-{events[i].Account}", events[i].Event, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (outcome.Duplicate)
                {
                    throw new InvalidOperationException($"event {i} came back as a duplicate on its first send");
                }
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        return (events.Length / stopwatch.Elapsed.TotalSeconds, latencies.Percentile(50), latencies.Percentile(99));
    }

    private static (int Account, UsageRecorded Event) Usage(int i, int accounts) => (i % accounts, new UsageRecorded
    {
        Source = "bench",
        Seq = i / accounts + 1,
        OccurredAt = Epoch.AddMilliseconds(i),
        Currency = "USD",
        Meter = "api-calls",
        Quantity = 1 + i % 7,
        UnitPriceMinor = 3,
    });
}
