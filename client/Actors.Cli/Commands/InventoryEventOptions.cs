using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Inventory;
using Actors.Contracts.Inventory;

namespace Actors.Cli.Commands;

/// <summary>What every stock event carries besides its payload: the idempotency key <c>--source</c>/<c>--seq</c> and an optional <c>--occurred-at</c>.</summary>
public sealed class InventoryEventOptions
{
    /// <summary><c>--source</c>.</summary>
    public Option<string> Source { get; } = new("--source")
    {
        Description = "Producer that numbers the stock events, e.g. wms-1 (with --seq, the idempotency key).",
        Required = true,
    };

    /// <summary><c>--seq</c>.</summary>
    public Option<long> Seq { get; } = new("--seq")
    {
        Description = "The producer's sequence number for this SKU-location, 1 or greater.",
        Required = true,
        Validators = { OptionRange.AtLeast(1L) },
    };

    /// <summary><c>--occurred-at</c>.</summary>
    public Option<DateTimeOffset?> OccurredAt { get; } = new("--occurred-at")
    {
        Description = "When the event happened (ISO-8601). Default: now.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Source);
        command.Options.Add(Seq);
        command.Options.Add(OccurredAt);
    }

    /// <summary>
    /// Validates <paramref name="stockEvent"/> (before connecting, so bad input never depends on the cluster being up),
    /// records it at the SKU-location and writes the outcome.
    /// </summary>
    public static async Task<int> RecordAsync(CommandScope scope, (string Tenant, string Sku, string Location) key, StockEvent stockEvent, CancellationToken cancellationToken)
    {
        InventoryClient.Validate(key.Tenant, key.Sku, key.Location, stockEvent);
        await using var client = await scope.ConnectAsync(cancellationToken);
        var outcome = await client.Inventory.RecordAsync(key.Tenant, key.Sku, key.Location, stockEvent, cancellationToken);
        StockView.WriteRecord(scope.Output, stockEvent.Type, StockKey.Format(key.Tenant, key.Sku, key.Location), outcome);
        return ExitCodes.Ok;
    }
}
