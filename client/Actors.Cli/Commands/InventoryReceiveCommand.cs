using System.CommandLine;
using Actors.Contracts.Inventory;

namespace Actors.Cli.Commands;

/// <summary><c>actors inventory receive</c>: units arrived at a location.</summary>
public sealed class InventoryReceiveCommand : Command
{
    private readonly InventoryKeyOptions _key = new();
    private readonly InventoryEventOptions _event = new();
    private readonly Option<long> _quantity = new("--quantity") { Description = "Units received, greater than 0.", Required = true };

    public InventoryReceiveCommand(CommandRunner runner)
        : base("receive", "Record received units (available grows). Recording the same --source/--seq again is answered as a duplicate.")
    {
        _key.AddTo(this);
        _event.AddTo(this);
        Options.Add(_quantity);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var key = _key.Read(scope.Parse);
        var received = new StockReceived
        {
            Source = scope.Parse.GetRequiredValue(_event.Source),
            Seq = scope.Parse.GetValue(_event.Seq),
            OccurredAt = scope.Parse.GetValue(_event.OccurredAt) ?? DateTimeOffset.UtcNow,
            Quantity = scope.Parse.GetValue(_quantity),
        };
        return InventoryEventOptions.RecordAsync(scope, key, received, cancellationToken);
    }
}
