using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors inventory</c>: stock per SKU-location, in buckets, with reservations at checkout.</summary>
public sealed class InventoryCommand : Command
{
    public InventoryCommand(CommandRunner runner)
        : base("inventory", "Record stock events, take and settle reservations, and show a SKU-location's buckets. " +
                            "Exit codes: 2 invalid input, 3 cluster unreachable, 4 conflict or insufficient stock.")
    {
        Subcommands.Add(new InventoryReceiveCommand(runner));
        Subcommands.Add(new InventoryAdjustCommand(runner));
        Subcommands.Add(new InventoryReserveCommand(runner));
        Subcommands.Add(new InventoryConfirmCommand(runner));
        Subcommands.Add(new InventoryReleaseCommand(runner));
        Subcommands.Add(new InventoryAvailabilityCommand(runner));
    }
}
