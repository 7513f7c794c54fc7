using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;

namespace Actors.Benchmarks;

/// <summary><c>rebuild</c>: full rebuild of the balances projection against a raw ordered scan of the same ledger.</summary>
internal static class RebuildCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        RebuildArguments arguments;
        try
        {
            arguments = RebuildArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        if (!GCSettings.IsServerGC)
        {
            return await RunUnderServerGcAsync(args);
        }

        var rounds = await new RebuildBenchmark(arguments).RunAsync(message => Console.Error.WriteLine(message), CancellationToken.None);
        var summary = new
        {
            profile = arguments.Profile,
            events = arguments.Events,
            accounts = arguments.Accounts,
            batch = arguments.BatchSize,
            rounds = rounds.Count,
            warmup = arguments.WarmupRounds,
            scanEventsPerSecond = Median.Of(rounds.Select(r => r.ScanEventsPerSecond)),
            rebuildEventsPerSecond = Median.Of(rounds.Select(r => r.RebuildEventsPerSecond)),
            rebuildSeconds = Median.Of(rounds.Select(r => r.RebuildSeconds)),
            ratio = Median.Of(rounds.Select(r => r.Ratio)),
        };

        if (arguments.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(c, "rebuild, profile {0}: {1:N0} events over {2:N0} accounts, {3:N0} rows per rebuild transaction, {4} rounds after {5} warm-up (medians), server GC as in the silo",
            summary.profile, summary.events, summary.accounts, summary.batch, summary.rounds, arguments.WarmupRounds));
        Console.WriteLine("| events | raw ordered scan events/s | rebuild events/s | rebuild time s | ratio rebuild / scan (target >= 0.5) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Format(c, "| {0:N0} | {1:N0} | {2:N0} | {3:F2} | {4:F2} |",
            summary.events, summary.scanEventsPerSecond, summary.rebuildEventsPerSecond, summary.rebuildSeconds, summary.ratio));
        return 0;
    }

    // The rebuild runs inside the silo, which uses server GC (silo/Actors.Silo/Actors.Silo.csproj); this console program
    // starts with workstation GC, under which the allocation-heavy pipeline measures the GC more than the rebuild. So it
    // runs itself again under the silo's GC; the scan baseline runs in that same process and so under the same GC.
    private static async Task<int> RunUnderServerGcAsync(string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program to run again under server GC.");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RebuildCommand).Assembly.Location);
        }
        start.ArgumentList.Add("rebuild");
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_gcServer"] = "1";
        Console.Error.WriteLine("running again under server GC, as the silo does");
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}.");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
