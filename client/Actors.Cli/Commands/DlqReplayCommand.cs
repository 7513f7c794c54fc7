using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors dlq replay --lane L [--id X]</c>: re-enqueue dead letters through the ingress.</summary>
public sealed class DlqReplayCommand : Command
{
    private readonly Option<string> _lane = LaneOption.Create();
    private readonly Option<long?> _id = new("--id") { Description = "Replay only this dead letter." };
    private readonly Option<int> _max = new("--max") { Description = "Without --id: how many of the oldest to replay (1-10000).", DefaultValueFactory = _ => 100 };

    public DlqReplayCommand(CommandRunner runner)
        : base("replay", "Re-enqueue dead letters (one with --id, else the oldest --max). Safe to repeat: consumers deduplicate.")
    {
        Options.Add(_lane);
        Options.Add(_id);
        Options.Add(_max);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var lane = scope.Parse.GetRequiredValue(_lane);
        await using var client = await scope.ConnectAsync(cancellationToken);
        var result = await client.Events.ReplayDeadLettersAsync(lane, scope.Parse.GetValue(_id), scope.Parse.GetValue(_max), cancellationToken);
        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(result);
        }
        else
        {
            scope.Output.WriteLine($"replayed {result.Replayed}, refused again {result.Rejected} (they stay in the DLQ)");
            foreach (var error in result.Errors)
            {
                scope.Output.WriteLine($"  {error}");
            }
        }
        return result.Rejected == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }
}
