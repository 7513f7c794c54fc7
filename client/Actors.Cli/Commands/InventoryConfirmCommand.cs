using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Inventory;
using Actors.Contracts.Inventory;

namespace Actors.Cli.Commands;

/// <summary><c>actors inventory confirm</c>: moves a held, unexpired reservation's units to committed (picked for shipment). Confirming again answers as a duplicate.</summary>
public sealed class InventoryConfirmCommand : Command
{
    private readonly InventoryKeyOptions _key = new();
    private readonly Option<string> _reservation = InventoryReservationOption.Create("The reservation to confirm.");

    public InventoryConfirmCommand(CommandRunner runner)
        : base("confirm", "Commit a held reservation's units for shipment; a repeat is a duplicate. Exit 2 when the reservation is unknown, released or expired.")
    {
        _key.AddTo(this);
        Options.Add(_reservation);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (tenant, sku, location) = _key.Read(scope.Parse);
        var reservationId = scope.Parse.GetRequiredValue(_reservation);
        InventoryClient.ValidateReservationId(reservationId);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var outcome = await client.Inventory.ConfirmAsync(tenant, sku, location, reservationId, cancellationToken);
        StockView.WriteReservation(scope.Output, "confirm", StockKey.Format(tenant, sku, location), outcome);
        return ExitCodes.Ok;
    }
}
