using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Inventory;
using Actors.Contracts.Inventory;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors inventory confirm</c> and <c>actors inventory release</c>: settle a held reservation, one way or the other.
/// Settling again answers as a duplicate; the two differ only in the call they make.
/// </summary>
public sealed class InventorySettleCommand : Command
{
    private readonly InventoryKeyOptions _key = new();
    private readonly Option<string> _reservation;
    private readonly Func<InventoryClient, (string Tenant, string Sku, string Location, string Reservation), CancellationToken, Task<ReservationOutcome>> _settle;

    private InventorySettleCommand(
        CommandRunner runner,
        string name,
        string description,
        Func<InventoryClient, (string Tenant, string Sku, string Location, string Reservation), CancellationToken, Task<ReservationOutcome>> settle)
        : base(name, description)
    {
        _settle = settle;
        _reservation = InventoryReservationOption.Create($"The reservation to {name}.");
        _key.AddTo(this);
        Options.Add(_reservation);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    /// <summary><c>actors inventory confirm</c>: moves a held, unexpired reservation's units to committed (picked for shipment).</summary>
    public static InventorySettleCommand Confirm(CommandRunner runner) => new(runner, "confirm",
        "Commit a held reservation's units for shipment; a repeat is a duplicate. Exit 2 when it was released or expired, 5 when it was never placed.",
        (inventory, call, ct) => inventory.ConfirmAsync(call.Tenant, call.Sku, call.Location, call.Reservation, ct));

    /// <summary><c>actors inventory release</c>: gives a held reservation's units back to available.</summary>
    public static InventorySettleCommand Release(CommandRunner runner) => new(runner, "release",
        "Give a held reservation's units back to available; a repeat (or a release after expiry) is a duplicate. Exit 2 when it is confirmed, 5 when it was never placed.",
        (inventory, call, ct) => inventory.ReleaseAsync(call.Tenant, call.Sku, call.Location, call.Reservation, ct));

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (tenant, sku, location) = _key.Read(scope.Parse);
        var reservationId = scope.Parse.GetRequiredValue(_reservation);
        InventoryClient.ValidateReservationId(reservationId);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var outcome = await _settle(client.Inventory, (tenant, sku, location, reservationId), cancellationToken);
        StockView.WriteReservation(scope.Output, Name, StockKey.Format(tenant, sku, location), outcome);
        return ExitCodes.Ok;
    }
}
