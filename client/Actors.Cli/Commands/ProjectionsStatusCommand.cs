using System.CommandLine;
using System.Globalization;
using Actors.Cli.Output;
using Actors.Client;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary><c>actors projections status</c>: per projection, its version, checkpoint, the ledger head, the lag and any rebuild.</summary>
public sealed class ProjectionsStatusCommand : Command
{
    public ProjectionsStatusCommand(CommandRunner runner)
        : base("status", "Show each projection's active version, logic version, checkpoint, the ledger head, the lag, and any rebuild in progress.")
    {
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private static async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        await using var client = await scope.ConnectAsync(cancellationToken);
        return await WriteAsync(scope.Output, client, cancellationToken);
    }

    /// <summary>The body of the command once connected: reads every projection's status and prints it; returns the exit code.</summary>
    public static async Task<int> WriteAsync(CommandOutput output, ActorsClient client, CancellationToken cancellationToken)
    {
        var views = (await client.Projections.GetStatusAsync(cancellationToken)).Select(ProjectionStatusView.Of).ToList();
        if (output.IsJson)
        {
            output.WriteJson(views);
            return ExitCodes.Ok;
        }
        var c = CultureInfo.InvariantCulture;
        var table = new Table().AddColumn("projection").AddColumn("version", col => col.RightAligned()).AddColumn("logic", col => col.RightAligned())
            .AddColumn("checkpoint", col => col.RightAligned()).AddColumn("head", col => col.RightAligned()).AddColumn("lag", col => col.RightAligned())
            .AddColumn("rebuild");
        foreach (var view in views)
        {
            table.AddRow(
                Markup.Escape(view.Name),
                view.Version?.ToString(c) ?? "-",
                $"{view.LogicVersion?.ToString(c) ?? "-"}/{view.OwnerLogicVersion.ToString(c)}",
                view.Checkpoint.ToString("N0", c),
                view.Head.ToString("N0", c),
                view.Lag.ToString("N0", c),
                Markup.Escape(Describe(view.Rebuild)));
        }
        output.Console.Write(table);
        output.WriteLine("logic: the logic version the active version was built with / the owner's; a lower first number rebuilds automatically.");
        foreach (var view in views)
        {
            output.WriteLine($"{view.Name}: {view.Note} (owner on {view.Owner ?? "?"})");
            if (view.LastError is not null)
            {
                output.WriteLine($"{view.Name}: last tailing pass failed: {view.LastError}");
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>One cell for a rebuild: its version, state and progress.</summary>
    internal static string Describe(ProjectionRebuildView? rebuild) => rebuild switch
    {
        null => "-",
        { State: "running" } => string.Create(CultureInfo.InvariantCulture,
            $"v{rebuild.Version} running: {rebuild.Checkpoint:N0}/{rebuild.Head:N0}, {rebuild.EventsPerSecond:N0} events/s ({rebuild.Reason})"),
        { Error: not null } => string.Create(CultureInfo.InvariantCulture, $"v{rebuild.Version} {rebuild.State}: {rebuild.Error}"),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"v{rebuild.Version} {rebuild.State}: {rebuild.Events:N0} events in {rebuild.Seconds:0.###} s ({rebuild.EventsPerSecond:N0} events/s)"),
    };
}
