using System.CommandLine;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary><c>actors dlq list --lane L</c>: the dead letters of a lane with their reasons.</summary>
public sealed class DlqListCommand : Command
{
    private readonly Option<string> _lane = LaneOption.Create();
    private readonly Option<int> _max = new("--max") { Description = "How many at most (1-10000).", DefaultValueFactory = _ => 100 };

    public DlqListCommand(CommandRunner runner)
        : base("list", "List a lane's dead letters, oldest first, with the reason each was parked.")
    {
        Options.Add(_lane);
        Options.Add(_max);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var lane = scope.Parse.GetRequiredValue(_lane);
        await using var client = await scope.ConnectAsync(cancellationToken);
        var letters = await client.Events.ListDeadLettersAsync(lane, scope.Parse.GetValue(_max), cancellationToken);
        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(letters);
            return ExitCodes.Ok;
        }
        var table = new Table().AddColumn("id").AddColumn("failed at").AddColumn("event").AddColumn("reason");
        foreach (var d in letters)
        {
            table.AddRow(d.Id.ToString(), d.FailedAt.ToString("u"),
                Markup.Escape($"{d.Envelope.Type} {d.Envelope.Tenant}/{d.Envelope.Entity} ({d.Envelope.Source}, {d.Envelope.Seq})"),
                Markup.Escape(d.Reason));
        }
        scope.Output.Console.Write(table);
        scope.Output.WriteLine($"{letters.Count} dead letter(s) on the {lane} lane");
        return ExitCodes.Ok;
    }
}
