using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Inventory;
using Actors.Contracts.Inventory;

namespace Actors.Cli.Commands;

/// <summary><c>actors inventory release</c>: gives a held reservation's units back to available. Releasing again, or after expiry, answers as a duplicate.</summary>
public sealed class InventoryReleaseCommand : Command
{
    private readonly InventoryKeyOptions _key = new();
    private readonly Option<string> _reservation = InventoryReservationOption.Create("The reservation to release.");

    public InventoryReleaseCommand(CommandRunner runner)
        : base("release", "Give a held reservation's units back to available; a repeat (or a release after expiry) is a duplicate. Exit 2 when it is unknown or confirmed.")
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
        var outcome = await client.Inventory.ReleaseAsync(tenant, sku, location, reservationId, cancellationToken);
        StockView.WriteReservation(scope.Output, "release", StockKey.Format(tenant, sku, location), outcome);
        return ExitCodes.Ok;
    }
}
