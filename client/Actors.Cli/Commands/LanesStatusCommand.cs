using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Actors.Contracts.Events;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary><c>actors lanes status [--interval 1s]</c>: per lane and partition, the lag, the delivery rate and the DLQ depth.</summary>
public sealed class LanesStatusCommand : Command
{
    private readonly Option<TimeSpan> _interval = DurationOption.Create(
        "--interval", "Time between the two readings the delivery rate is measured over", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));

    public LanesStatusCommand(CommandRunner runner)
        : base("status", "Show each lane partition's lag, delivered/s (over --interval) and its lane's dead-letter depth.")
    {
        Options.Add(_interval);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var interval = scope.Parse.GetValue(_interval);
        await using var client = await scope.ConnectAsync(cancellationToken);
        var first = await client.Events.GetLaneStatusAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        // The interval is what is measured, not a wait for some condition: the rate is the growth over exactly this time.
        await Task.Delay(interval, cancellationToken);
        var second = await client.Events.GetLaneStatusAsync(cancellationToken);
        var rates = Rates(first, second, clock.Elapsed);
        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(rates);
            return ExitCodes.Ok;
        }
        var table = new Table().AddColumn("lane").AddColumn("partition").AddColumn("pending", c => c.RightAligned())
            .AddColumn("delivered/s", c => c.RightAligned()).AddColumn("DLQ", c => c.RightAligned());
        foreach (var r in rates)
        {
            table.AddRow(
                r.Lane,
                r.Partition.ToString(CultureInfo.InvariantCulture),
                r.Pending.ToString("N0", CultureInfo.InvariantCulture),
                r.DeliveredPerSecond.ToString("N1", CultureInfo.InvariantCulture),
                r.DeadLetters.ToString("N0", CultureInfo.InvariantCulture));
        }
        scope.Output.Console.Write(table);
        scope.Output.WriteLine($"delivered/s measured over {DurationOption.Format(interval)}");
        return ExitCodes.Ok;
    }

    /// <summary>Pairs the readings by lane and partition; a partition missing from the first reading gets no rate (0).</summary>
    internal static List<LaneStatusRate> Rates(IReadOnlyList<LaneStatusRow> first, IReadOnlyList<LaneStatusRow> second, TimeSpan elapsed)
    {
        var before = first.ToDictionary(r => (r.Lane, r.Partition));
        var seconds = Math.Max(elapsed.TotalSeconds, double.Epsilon);
        return second
            .OrderBy(r => r.Lane, StringComparer.Ordinal).ThenBy(r => r.Partition)
            .Select(r =>
            {
                var delivered = before.TryGetValue((r.Lane, r.Partition), out var earlier) ? Math.Max(0, r.DeliveredTotal - earlier.DeliveredTotal) : 0;
                return new LaneStatusRate(r.Lane, r.Partition, r.Pending, r.Committed, r.DeliveredTotal, delivered / seconds, r.DeadLetters);
            })
            .ToList();
    }
}
