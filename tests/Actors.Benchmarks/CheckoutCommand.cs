using System.Globalization;
using System.Text.Json;

namespace Actors.Benchmarks;

/// <summary><c>checkout</c>: reservations/s on one hot SKU in one shard against the same SKU split over four, in one run.</summary>
internal static class CheckoutCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        CheckoutArguments arguments;
        try
        {
            arguments = CheckoutArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var rounds = await new CheckoutBenchmark(arguments).RunAsync(message => Console.Error.WriteLine(message), CancellationToken.None);
        var baseline = CheckoutBenchmark.ShardCounts[0];
        var sharded = CheckoutBenchmark.ShardCounts[^1];
        var scenarios = CheckoutBenchmark.ShardCounts.Select(shards =>
        {
            var mine = rounds.Where(r => r.Shards == shards).ToList();
            return new
            {
                shards,
                reservations = arguments.Reservations,
                reservationsPerSecond = Median.Of(mine.Select(r => r.ReservationsPerSecond)),
                p50Ms = Median.Of(mine.Select(r => r.P50Milliseconds)),
                p99Ms = Median.Of(mine.Select(r => r.P99Milliseconds)),
            };
        }).ToList();
        // Paired per round, as the two scenarios ran back to back under the same conditions.
        var ratio = Median.Of(rounds.Where(r => r.Shards == sharded)
            .Select(r => r.ReservationsPerSecond / rounds.Single(b => b.Round == r.Round && b.Shards == baseline).ReservationsPerSecond));

        if (arguments.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                profile = arguments.Profile,
                concurrency = arguments.Concurrency,
                rounds = arguments.Rounds,
                warmup = arguments.WarmupRounds,
                scenarios,
                ratio,
            }, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(c, "checkout, profile {0}: {1:N0} reservations of 1 unit (unique ids) on one hot SKU-location holding exactly {1:N0} units, {2} in flight through the client, {3} rounds after {4} warm-up (medians); every round checked that all were granted and the books show them reserved",
            arguments.Profile, arguments.Reservations, arguments.Concurrency, arguments.Rounds, arguments.WarmupRounds));
        Console.WriteLine("| shards | reservations | reservations/s (median) | p50 ms | p99 ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var s in scenarios)
        {
            Console.WriteLine(string.Format(c, "| {0} | {1:N0} | {2:F0} | {3:F2} | {4:F2} |", s.shards, s.reservations, s.reservationsPerSecond, s.p50Ms, s.p99Ms));
        }
        Console.WriteLine(string.Format(c, "| ratio {0} shards / {1} shard (median of rounds) | | {2:F2} | | |", sharded, baseline, ratio));
        return 0;
    }
}
