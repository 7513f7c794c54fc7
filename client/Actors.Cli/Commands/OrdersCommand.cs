using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors orders</c>: place orders (routed by the solver and reserved) and show their decisions.</summary>
public sealed class OrdersCommand : Command
{
    public OrdersCommand(CommandRunner runner)
        : base("orders", "Place orders routed over the fulfillment network, and show their recorded decisions. " +
                         "Exit codes: 2 invalid input, 4 order failed or id reused with other content, 5 no such order.")
    {
        Subcommands.Add(new OrdersPlaceCommand(runner));
        Subcommands.Add(new OrdersShowCommand(runner));
    }
}
