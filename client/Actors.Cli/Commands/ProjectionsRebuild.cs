using System.Globalization;
using Actors.Cli.Output;
using Actors.Client;
using Actors.Contracts.Projections;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary>
/// The body of <c>actors projections rebuild</c> once connected: starts the rebuild, follows it (with a progress bar when
/// the terminal can redraw one) until readers have switched, and reports events, events/s and total time.
/// </summary>
public static class ProjectionsRebuild
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Rebuilds <paramref name="name"/> through <paramref name="client"/> and returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandOutput output, ActorsClient client, string name, bool noWait, CancellationToken cancellationToken)
    {
        var started = await client.Projections.StartRebuildAsync(name, cancellationToken);
        var target = started.Rebuild?.Version
            ?? throw new InvalidOperationException($"the {name} projection's owner did not report the rebuild it started: {started.Note}");
        if (noWait)
        {
            if (output.IsJson)
            {
                output.WriteJson(ProjectionStatusView.Of(started));
            }
            else
            {
                output.WriteLine($"rebuild of {name} into version {target} started ({started.Rebuild!.Reason}); follow it with 'actors projections status'.");
            }
            return ExitCodes.Ok;
        }

        var finished = output.CanShowProgress
            ? await WatchWithProgressAsync(output, client, name, target, started, cancellationToken)
            : await WatchAsync(client, name, target, started, static _ => { }, cancellationToken);
        return Report(output, name, target, finished);
    }

    private static async Task<ProjectionStatus> WatchWithProgressAsync(
        CommandOutput output, ActorsClient client, string name, int target, ProjectionStatus started, CancellationToken cancellationToken) =>
        await output.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"{name} v{target}", maxValue: Math.Max(1, started.Head));
                return await WatchAsync(client, name, target, started, status =>
                {
                    if (status.Rebuild is { } rebuild && rebuild.Version == target)
                    {
                        task.MaxValue = Math.Max(1, rebuild.Head);
                        task.Value = Math.Min(rebuild.Checkpoint, task.MaxValue);
                        task.Description = string.Create(CultureInfo.InvariantCulture,
                            $"{name} v{target}: {rebuild.Replayed:N0} events, {rebuild.EventsPerSecond:N0}/s");
                    }
                }, cancellationToken);
            });

    /// <summary>Polls the status until the rebuild into <paramref name="target"/> has ended (or its owner moved and it is active).</summary>
    private static async Task<ProjectionStatus> WatchAsync(
        ActorsClient client, string name, int target, ProjectionStatus status, Action<ProjectionStatus> seen, CancellationToken cancellationToken)
    {
        seen(status);
        while (!HasEnded(status, target))
        {
            // The interval paces the polling of a condition (the rebuild ending) that has no notification to wait on.
            await Task.Delay(PollInterval, cancellationToken);
            status = await client.Projections.GetStatusAsync(name, cancellationToken);
            seen(status);
        }
        return status;
    }

    private static bool HasEnded(ProjectionStatus status, int target) =>
        status.Rebuild is { } rebuild && rebuild.Version == target
            ? rebuild.State != ProjectionRebuildState.Running
            // A new owner (its silo left) resumed and finished it, or has not reported it: the active version tells.
            : status.Version >= target;

    private static int Report(CommandOutput output, string name, int target, ProjectionStatus finished)
    {
        var rebuild = finished.Rebuild is { Version: var version } r && version == target ? r : null;
        if (output.IsJson)
        {
            output.WriteJson(ProjectionStatusView.Of(finished));
        }
        if (rebuild is { State: ProjectionRebuildState.Failed or ProjectionRebuildState.Interrupted })
        {
            output.WriteError($"rebuild of {name} into version {target} {rebuild.State.ToString().ToLowerInvariant()}: {rebuild.Error} " +
                $"Readers stay on version {finished.Version}.");
            return ExitCodes.Failure;
        }
        if (!output.IsJson)
        {
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(rebuild is null
                ? $"rebuilt {name}: version {finished.Version} is active (its owner moved during the rebuild, so its figures are not known here)."
                : string.Create(c, $"rebuilt {name} into version {target}: {rebuild.Replayed:N0} events in {rebuild.Elapsed.TotalSeconds:0.###} s ({rebuild.EventsPerSecond:N0} events/s); readers switched."));
        }
        return ExitCodes.Ok;
    }
}
