using System.CommandLine;
using Actors.Cli.Output;

namespace Actors.Cli.Commands;

/// <summary><c>actors inventory availability</c>: a SKU-location's buckets, summed and per shard.</summary>
public sealed class InventoryAvailabilityCommand : Command
{
    private readonly InventoryKeyOptions _key = new();

    public InventoryAvailabilityCommand(CommandRunner runner)
        : base("availability", "Show a SKU-location's buckets (available, reserved, committed, shipped, damaged), summed and per shard.")
    {
        _key.AddTo(this);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (tenant, sku, location) = _key.Read(scope.Parse);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var availability = await client.Inventory.GetAvailabilityAsync(tenant, sku, location, cancellationToken);
        StockView.WriteAvailability(scope.Output, availability);
        return ExitCodes.Ok;
    }
}
