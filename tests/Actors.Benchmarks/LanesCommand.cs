using System.Globalization;
using System.Text.Json;

namespace Actors.Benchmarks;

/// <summary><c>lanes</c>: critical-lane latency alone, under a bulk flood, and on one shared lane, in one run.</summary>
internal static class LanesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        LanesArguments arguments;
        try
        {
            arguments = LanesArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var results = await new LanesBenchmark(arguments).RunAsync(message => Console.Error.WriteLine(message), CancellationToken.None);
        var alone = results[0];
        var flood = results[1];
        var shared = results[2];
        if (arguments.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                arguments.CriticalRate, arguments.BulkRate, arguments.Seconds, arguments.Accounts, results,
                floodP99OverAlone = flood.P99Milliseconds / alone.P99Milliseconds,
                sharedP99OverAlone = shared.P99Milliseconds / alone.P99Milliseconds,
            }, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"lanes, {(arguments.Profile == "local" ? "local profile (embedded SQLite lanes)" : "cluster profile, Kafka lanes on the librdkafka mock")}: critical {arguments.CriticalRate}/s, bulk flood {arguments.BulkRate}/s ({arguments.BulkRate / arguments.CriticalRate}x), {arguments.Seconds} s per scenario, {arguments.Accounts} accounts receiving both");
        Console.WriteLine("| scenario | critical events | critical p50 ms | critical p99 ms | p99 / alone | bulk committed | bulk events/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Format(c, "| {0} | {1} | {2:F1} | {3:F1} | {4:F2} | {5} | {6:F0} |",
                r.Name, r.CriticalEvents, r.P50Milliseconds, r.P99Milliseconds, r.P99Milliseconds / alone.P99Milliseconds, r.BulkEvents, r.BulkEventsPerSecond));
        }
        return 0;
    }
}
