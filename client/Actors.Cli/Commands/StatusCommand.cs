using System.CommandLine;
using System.Globalization;
using Actors.Cli.Output;
using Actors.Contracts.Health;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors status [--watch [--interval 2s]]</c>: the health indicators with their thresholds and state, cluster-wide
/// (worst silo wins) and per silo; the exit code is the cluster's status (see <see cref="StatusExitCodes"/>).
/// </summary>
public sealed class StatusCommand : Command
{
    private readonly Option<bool> _watch = new("--watch")
    {
        Description = "Refresh every --interval until interrupted (with --json, one JSON document per line per refresh).",
    };

    private readonly Option<TimeSpan> _interval = DurationOption.Create(
        "--interval", "Time between refreshes with --watch", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(10));

    public StatusCommand(CommandRunner runner)
        : base("status", "Show the cluster's health indicators (error rate, critical-lane latency, lane lag, DLQ growth, duplicate rate, "
            + "projection lag and rebuild time, reconciliation mismatch rate) with thresholds and state, cluster-wide and per silo. "
            + "Exit code 0 healthy, 10 degraded, 11 unhealthy or no silo reporting.")
    {
        Options.Add(_watch);
        Options.Add(_interval);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var watch = scope.Parse.GetValue(_watch);
        var interval = scope.Parse.GetValue(_interval);
        await using var client = await scope.ConnectAsync(cancellationToken);
        while (true)
        {
            var report = await client.Health.GetStatusAsync(cancellationToken);
            if (watch && !scope.Output.IsJson && scope.Output.CanShowProgress)
            {
                scope.Output.Console.Clear();
            }
            Write(scope.Output, report);
            if (!watch)
            {
                return StatusExitCodes.Of(report.Status);
            }
            // The refresh period is what the user asked for, not a wait standing in for a condition.
            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>Prints <paramref name="report"/>: one JSON document, or the indicator table and the reasons.</summary>
    public static void Write(CommandOutput output, ClusterHealthReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        if (output.IsJson)
        {
            output.WriteJson(report);
            return;
        }
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"cluster: {StateName(report.Status)} ({report.Silos.Count} silo(s) reporting, read {report.ReadAt:u})"));
        if (report.Silos.Count > 0)
        {
            var table = new Table().AddColumn("indicator").AddColumn("unit").AddColumn("degraded at", col => col.RightAligned())
                .AddColumn("unhealthy at", col => col.RightAligned()).AddColumn("cluster", col => col.RightAligned());
            foreach (var silo in report.Silos)
            {
                table.AddColumn(Markup.Escape(silo.SiloName), col => col.RightAligned());
            }
            foreach (var indicator in report.Indicators)
            {
                var row = new List<string>
                {
                    Markup.Escape(indicator.Name),
                    Markup.Escape(indicator.Unit),
                    indicator.DegradedAt.ToString("0.###", c),
                    indicator.UnhealthyAt.ToString("0.###", c),
                    Cell(indicator),
                };
                row.AddRange(report.Silos.Select(s => s.Indicators.FirstOrDefault(i => i.Name == indicator.Name) is { } own ? Cell(own) : "-"));
                table.AddRow(row.ToArray());
            }
            output.Console.Write(table);
            output.WriteLine(string.Join("  ", report.Silos.Select(s => $"{s.SiloName}: {StateName(s.Status)}")));
        }
        foreach (var reason in report.Reasons)
        {
            output.WriteLine($"- {reason}");
        }
    }

    private static string Cell(HealthIndicator indicator)
    {
        var value = indicator.Value.ToString("0.###", CultureInfo.InvariantCulture);
        return indicator.State switch
        {
            HealthState.Healthy => $"{value} [green]healthy[/]",
            HealthState.Degraded => $"{value} [yellow]degraded[/]",
            _ => $"{value} [red]unhealthy[/]",
        };
    }

    private static string StateName(HealthState state) => state.ToString().ToLowerInvariant();
}
