using Actors.Cli.Demo;
using Actors.Client;
using Actors.Testing;

namespace Actors.Benchmarks;

/// <summary>
/// Critical-lane latency alone, under a bulk flood with two lanes, and under the same flood with both kinds on ONE shared
/// lane (the baseline the design avoids), in one run against real silo processes with embedded lanes. The load and the
/// measurement are the CLI's <c>demo telemetry-flood</c> (<see cref="LaneFlood"/>): publish call to ledger commit.
/// </summary>
internal sealed class LanesBenchmark(LanesArguments arguments)
{
    private static readonly string[] CriticalBillingTypes = ["PaymentReceived", "CreditGranted", "AdjustmentPosted"];
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);
    private string _clusterId = "";

    public async Task<IReadOnlyList<LanesScenarioResult>> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var results = new List<LanesScenarioResult>();
        await using (var silo = await StartSiloAsync(sharedLane: false, cancellationToken))
        await using (var client = await ConnectAsync(silo, cancellationToken))
        {
            var flood = new LaneFlood(client, Settings);
            // Warm-up: JIT, activations, SQLite caches; not reported.
            await flood.RunAsync(Tenant(), flood: true, WarmUp, DrainTimeout, null, cancellationToken);
            results.Add(Result("critical alone, two lanes", await flood.RunAsync(Tenant(), flood: false, Duration, DrainTimeout, null, cancellationToken)));
            progress(Describe(results[^1]));
            results.Add(Result("critical + bulk flood, two lanes", await flood.RunAsync(Tenant(), flood: true, Duration, DrainTimeout, null, cancellationToken)));
            progress(Describe(results[^1]));
        }
        await using (var silo = await StartSiloAsync(sharedLane: true, cancellationToken))
        await using (var client = await ConnectAsync(silo, cancellationToken))
        {
            var flood = new LaneFlood(client, Settings);
            await flood.RunAsync(Tenant(), flood: true, WarmUp, DrainTimeout, null, cancellationToken);
            results.Add(Result("critical + bulk flood, ONE shared lane", await flood.RunAsync(Tenant(), flood: true, Duration, DrainTimeout, null, cancellationToken)));
            progress(Describe(results[^1]));
        }
        return results;
    }

    private LaneFloodSettings Settings => new(arguments.CriticalRate, arguments.BulkRate, arguments.Accounts);

    private TimeSpan Duration => TimeSpan.FromSeconds(arguments.Seconds);

    private static string Tenant() => $"lb-{Guid.NewGuid():N}"[..12];

    private static LanesScenarioResult Result(string name, LaneFloodResult r) =>
        new(name, r.Critical.Count, r.Percentile(50), r.Percentile(99), r.BulkCommitted, r.BulkPerSecond);

    private static string Describe(LanesScenarioResult r) =>
        $"{r.Name}: critical p50 {r.P50Milliseconds:F1} ms, p99 {r.P99Milliseconds:F1} ms ({r.CriticalEvents}); bulk {r.BulkEventsPerSecond:F0}/s ({r.BulkEvents})";

    private bool OnKafka => arguments.Profile == "kafka-mock";

    private async Task<SiloProcess> StartSiloAsync(bool sharedLane, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("actors-lanes-bench-").FullName;
        // The shared-lane baseline moves every critical billing type onto the bulk lane through the routing table.
        var environment = sharedLane ? CriticalBillingTypes.ToDictionary(t => $"Actors__Lanes__Routing__{t}", _ => "bulk") : [];
        string[] extra = [];
        if (OnKafka)
        {
            // A cluster-profile silo with the librdkafka mock inside it: the Kafka adapter end to end, with no broker.
            environment["Actors__Lanes__Kafka__Mock"] = "true";
            _clusterId = $"lanes-{Guid.NewGuid():N}"[..18];
            extra = ["--profile", "cluster", "--postgres", arguments.Postgres!, "--advertise", "127.0.0.1", "--cluster-id", _clusterId];
        }
        return await SiloProcess.StartAsync(data, FreePort.Next(), FreePort.Next(), FreePort.Next(), environment, extra, cancellationToken);
    }

    private Task<ActorsClient> ConnectAsync(SiloProcess silo, CancellationToken cancellationToken) =>
        ActorsClient.ConnectAsync(OnKafka
            ? new ActorsClientOptions { Profile = ClusterProfile.Cluster, PostgresConnectionString = arguments.Postgres, ClusterId = _clusterId }
            : new ActorsClientOptions { GatewayPort = silo.GatewayPort }, cancellationToken);
}
