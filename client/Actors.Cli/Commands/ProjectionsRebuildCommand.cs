using System.CommandLine;
using Actors.Contracts.Errors;
using Actors.Contracts.Projections;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors projections rebuild balances [--no-wait]</c>: replays the whole ledger into a new version in the cluster, shows
/// its progress, and prints the events replayed, events/s and total time once readers have switched to it.
/// </summary>
public sealed class ProjectionsRebuildCommand : Command
{
    private readonly Argument<string> _projection = new("projection")
    {
        Description = $"The projection to rebuild: {string.Join(", ", ProjectionNames.All)}.",
    };

    private readonly Option<bool> _noWait = new("--no-wait")
    {
        Description = "Start the rebuild and return; follow it with 'actors projections status'.",
    };

    public ProjectionsRebuildCommand(CommandRunner runner)
        : base("rebuild", "Replay the whole ledger into a new version of a projection; readers switch to it atomically once it has caught up.")
    {
        Arguments.Add(_projection);
        Options.Add(_noWait);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var name = scope.Parse.GetValue(_projection);
        try
        {
            ProjectionNames.Validate(name);
        }
        catch (InvalidEventException unknown)
        {
            throw new CliUsageException(unknown.Message, unknown);
        }
        await using var client = await scope.ConnectAsync(cancellationToken);
        return await ProjectionsRebuild.RunAsync(scope.Output, client, name!, scope.Parse.GetValue(_noWait), cancellationToken);
    }
}
