using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors inventory</c>: stock per SKU-location, in buckets, with reservations at checkout.</summary>
public sealed class InventoryCommand : Command
{
    public InventoryCommand(CommandRunner runner)
        : base("inventory", "Record stock events, take and settle reservations, and show a SKU-location's buckets. " +
                            "Exit codes: 2 invalid input, 3 cluster unreachable, 4 conflict or insufficient stock, 5 unknown reservation.")
    {
        Subcommands.Add(new InventoryReceiveCommand(runner));
        Subcommands.Add(new InventoryAdjustCommand(runner));
        Subcommands.Add(new InventoryReserveCommand(runner));
        Subcommands.Add(InventorySettleCommand.Confirm(runner));
        Subcommands.Add(InventorySettleCommand.Release(runner));
        Subcommands.Add(new InventoryAvailabilityCommand(runner));
    }
}
