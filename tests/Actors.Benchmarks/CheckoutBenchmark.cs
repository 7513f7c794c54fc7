using System.Diagnostics;
using System.Globalization;
using Actors.Client;
using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Actors.Testing;

namespace Actors.Benchmarks;

/// <summary>
/// Reservations per second on one hot SKU-location through the client into a real silo process, with the SKU in one shard
/// (the baseline) and split over four, in the same run. Both scenarios share one silo, configured with one hot SKU per shard
/// count (<c>Actors:Inventory:ShardsBySku</c>), and alternate inside every round: the same process, databases, JIT state and
/// machine noise for both, so the ratio measures the sharding and nothing else. Each round and scenario uses a fresh tenant,
/// so its shards start as new grains.
/// </summary>
internal sealed class CheckoutBenchmark(CheckoutArguments arguments)
{
    /// <summary>The shard counts compared; the first is the baseline.</summary>
    public static readonly IReadOnlyList<int> ShardCounts = [1, 4];

    private const string Location = "dc-1";

    // Far longer than a round: an expiry sweep inside the measurement would hand units back and blur the count check.
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<CheckoutRound>> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("actors-checkout-bench-").FullName;
        try
        {
            var clusterId = $"checkout-{Guid.NewGuid():N}"[..20];
            var extra = arguments.Profile == "cluster"
                ? new[] { "--profile", "cluster", "--postgres", arguments.Postgres!, "--advertise", "127.0.0.1", "--cluster-id", clusterId }
                : [];
            var environment = ShardCounts.ToDictionary(s => $"Actors__Inventory__ShardsBySku__{Sku(s)}", s => s.ToString(CultureInfo.InvariantCulture));
            int siloPort = FreePort.Next(), gatewayPort = FreePort.Next(), httpPort = FreePort.Next();
            progress($"starting a {arguments.Profile} silo (data {data}), hot SKUs {string.Join(", ", ShardCounts.Select(s => $"{Sku(s)} in {s} shard(s)"))}");
            await using var silo = await SiloProcess.StartAsync(data, siloPort, gatewayPort, httpPort, environment, extra, cancellationToken);
            await using var client = await ActorsClient.ConnectAsync(new ActorsClientOptions
            {
                Profile = arguments.Profile == "cluster" ? ClusterProfile.Cluster : ClusterProfile.Local,
                GatewayPort = gatewayPort,
                PostgresConnectionString = arguments.Postgres,
                ClusterId = arguments.Profile == "cluster" ? clusterId : null,
            }, cancellationToken);

            var rounds = new List<CheckoutRound>();
            // Warm-up rounds (numbers below 1) are not reported: JIT, connection pools and page caches settle in them.
            for (var round = 1 - arguments.WarmupRounds; round <= arguments.Rounds; round++)
            {
                // Alternating which scenario goes first keeps a drift within the round (a checkpoint, a GC) off one side.
                foreach (var shards in round % 2 == 0 ? ShardCounts.Reverse() : ShardCounts)
                {
                    var result = await RunScenarioAsync(client.ClusterClient, round, shards, cancellationToken);
                    if (round >= 1)
                    {
                        rounds.Add(result);
                    }
                    progress(string.Format(CultureInfo.InvariantCulture, "{0}, {1} shard(s): {2:F0} reservations/s (p50 {3:F1} ms, p99 {4:F1} ms), all {5} granted",
                        round < 1 ? "warm-up" : $"round {round}/{arguments.Rounds}", shards, result.ReservationsPerSecond, result.P50Milliseconds, result.P99Milliseconds, result.Reservations));
                }
            }
            return rounds;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Sku(int shards) => $"hot{shards}";

    private async Task<CheckoutRound> RunScenarioAsync(IClusterClient cluster, int round, int shards, CancellationToken cancellationToken)
    {
        var tenant = $"co-{round + 1_000}-{shards}-{Guid.NewGuid():N}"[..24];
        var key = StockKey.Format(tenant, Sku(shards), Location);
        var stock = cluster.GetGrain<IStockGrain>(key);
        // Exactly enough units: the round also checks that a sharded SKU sells out completely, no unit stranded on a shard.
        await stock.Record(new StockReceived { Source = "bench", Seq = 1, OccurredAt = DateTimeOffset.UtcNow, Quantity = arguments.Reservations });
        // Activation (snapshot read + empty replay) of every shard is a one-off; the benchmark measures steady checkout.
        var before = await stock.GetAvailability();
        if (before.Shards.Count != shards)
        {
            throw new InvalidOperationException($"{key} reports {before.Shards.Count} shard(s); the silo was configured with {shards} for {Sku(shards)}.");
        }

        var latencies = new LatencyRecorder();
        long refused = 0;
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, arguments.Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < arguments.Reservations)
            {
                var id = $"checkout-{i}";
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var outcome = await stock.Reserve(id, 1, Ttl);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (outcome is not { Status: ReservationStatus.Reserved, Quantity: 1, Duplicate: false } || outcome.ReservationId != id)
                    {
                        throw new InvalidOperationException($"reservation {id} on its first send came back as {outcome}");
                    }
                }
                catch (InsufficientStockException)
                {
                    // Counted and reported after the round: the round is void if any reservation was refused.
                    Interlocked.Increment(ref refused);
                }
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        var seconds = stopwatch.Elapsed.TotalSeconds;

        // A benchmark that measured refusals or lost units would be fast and worthless: the books must show every one.
        var after = await stock.GetAvailability();
        var books = after.Total.Buckets;
        if (refused != 0 || books.Reserved != arguments.Reservations || books.Available != 0 || books.Total != arguments.Reservations)
        {
            throw new InvalidOperationException(
                $"round {round}, {shards} shard(s): {refused} of {arguments.Reservations} reservations refused; {key} holds {books} after receiving {arguments.Reservations} units.");
        }
        return new CheckoutRound(round, shards, arguments.Reservations, seconds, latencies.Percentile(50), latencies.Percentile(99));
    }
}
