using System.CommandLine;
using Actors.Contracts.Inventory;

namespace Actors.Cli.Commands;

/// <summary><c>actors inventory adjust</c>: a signed correction of the available count.</summary>
public sealed class InventoryAdjustCommand : Command
{
    private readonly InventoryKeyOptions _key = new();
    private readonly InventoryEventOptions _event = new();
    private readonly Option<long> _delta = new("--delta")
    {
        Description = "Signed change of available units, not 0 (e.g. --delta -3 after a cycle count found 3 fewer).",
        Required = true,
    };
    private readonly Option<string?> _reason = new("--reason") { Description = "Why the count changed." };

    public InventoryAdjustCommand(CommandRunner runner)
        : base("adjust", "Correct the available count (cycle count, shrinkage); refused if available would go negative. Same --source/--seq again is a duplicate.")
    {
        _key.AddTo(this);
        _event.AddTo(this);
        Options.Add(_delta);
        Options.Add(_reason);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var key = _key.Read(scope.Parse);
        var adjusted = new StockAdjusted
        {
            Source = scope.Parse.GetRequiredValue(_event.Source),
            Seq = scope.Parse.GetValue(_event.Seq),
            OccurredAt = scope.Parse.GetValue(_event.OccurredAt) ?? DateTimeOffset.UtcNow,
            Delta = scope.Parse.GetValue(_delta),
            Reason = scope.Parse.GetValue(_reason),
        };
        return InventoryEventOptions.RecordAsync(scope, key, adjusted, cancellationToken);
    }
}
