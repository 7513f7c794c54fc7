using System.Globalization;
using System.Text.Json;

namespace Actors.Benchmarks;

/// <summary><c>reconcile</c>: accounts reconciled per second against the same reads without checks, and the 60 s target for 100,000 accounts.</summary>
internal static class ReconcileCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        ReconcileArguments arguments;
        try
        {
            arguments = ReconcileArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var rounds = await new ReconcileBenchmark(arguments).RunAsync(message => Console.Error.WriteLine(message), CancellationToken.None);
        var first = rounds[0];
        var reruns = rounds.Skip(1).ToList();
        var summary = new
        {
            profile = arguments.Profile,
            accounts = arguments.Accounts,
            batch = arguments.BatchSize,
            parallelism = arguments.Parallelism,
            mismatches = first.Mismatches,
            firstRunSeconds = first.ReconcileSeconds,
            firstRunAccountsPerSecond = first.AccountsPerSecond,
            rerunAccountsPerSecond = reruns.Count == 0 ? double.NaN : Median.Of(reruns.Select(r => r.AccountsPerSecond)),
            readsOnlyAccountsPerSecond = Median.Of(rounds.Select(r => r.ReadsOnlyAccountsPerSecond)),
            ratio = Median.Of(rounds.Select(r => r.Ratio)),
            secondsFor100k = 100_000 / first.AccountsPerSecond,
        };
        if (arguments.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"reconcile, profile {summary.profile}: {summary.accounts:N0} accounts, batches of {summary.batch}, {summary.parallelism} in parallel, {rounds.Count} rounds; {summary.mismatches} planted mismatches found each round");
        Console.WriteLine("| path | accounts/s | time for 100,000 |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Format(c, "| reconcile, first run (stores results) | {0:F0} | {1:F1} s |", summary.firstRunAccountsPerSecond, summary.secondsFor100k));
        Console.WriteLine(string.Format(c, "| reconcile, rerun (median; nothing new) | {0:F0} | {1:F1} s |", summary.rerunAccountsPerSecond, 100_000 / summary.rerunAccountsPerSecond));
        Console.WriteLine(string.Format(c, "| same reads, no check (median) | {0:F0} | {1:F1} s |", summary.readsOnlyAccountsPerSecond, 100_000 / summary.readsOnlyAccountsPerSecond));
        Console.WriteLine(string.Format(c, "| ratio reconcile / reads (median) | {0:F2} | target: 100,000 in < 60 s |", summary.ratio));
        return 0;
    }
}
