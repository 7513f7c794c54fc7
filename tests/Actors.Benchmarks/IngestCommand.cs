using System.Globalization;
using System.Text.Json;

namespace Actors.Benchmarks;

/// <summary><c>ingest</c>: durable events/s through the SDK against raw batched inserts into the same database.</summary>
internal static class IngestCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        IngestArguments arguments;
        try
        {
            arguments = IngestArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var rounds = await new IngestBenchmark(arguments).RunAsync(message => Console.Error.WriteLine(message), CancellationToken.None);
        var summary = new
        {
            profile = arguments.Profile,
            events = arguments.Events,
            accounts = arguments.Accounts,
            concurrency = arguments.Concurrency,
            rounds = rounds.Count,
            sdkEventsPerSecond = Median.Of(rounds.Select(r => r.SdkEventsPerSecond)),
            p50Ms = Median.Of(rounds.Select(r => r.P50Milliseconds)),
            p99Ms = Median.Of(rounds.Select(r => r.P99Milliseconds)),
            rawEventsPerSecond = Median.Of(rounds.Select(r => r.RawEventsPerSecond)),
            ratio = Median.Of(rounds.Select(r => r.Ratio)),
        };

        if (arguments.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"ingest, profile {summary.profile}: {summary.events} events x {summary.rounds} rounds (after {arguments.WarmupRounds} warm-up) over {summary.accounts} accounts, {summary.concurrency} in flight (medians)");
        Console.WriteLine("| path | events/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Format(c, "| SDK -> silo -> group-commit ledger | {0:F0} | {1:F2} | {2:F2} |", summary.sdkEventsPerSecond, summary.p50Ms, summary.p99Ms));
        Console.WriteLine(string.Format(c, "| raw batched INSERT ({0} rows/txn), same database | {1:F0} | - | - |", arguments.RawBatchSize, summary.rawEventsPerSecond));
        Console.WriteLine(string.Format(c, "| ratio SDK / raw | {0:F2} | | |", summary.ratio));
        return 0;
    }
}
