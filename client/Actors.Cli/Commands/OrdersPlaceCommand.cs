using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Orders;
using Actors.Contracts.Fulfillment;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors orders place --file order.json</c>: places an order. The order id is the idempotency key: placing the same
/// file again prints the recorded decision (duplicate) and reserves nothing more. An order the network could not serve
/// exits 4: like insufficient stock, the current state refused it, and nothing is held.
/// </summary>
public sealed class OrdersPlaceCommand : Command
{
    private readonly Option<string> _tenant = TenantOption.Create();
    private readonly Option<FileInfo> _file = new("--file")
    {
        Description = "The order as JSON: { \"orderId\", \"region\", \"promiseDays\", \"lines\": [ { \"sku\", \"quantity\" } ] }.",
        Required = true,
    };

    public OrdersPlaceCommand(CommandRunner runner)
        : base("place", "Place an order from a JSON file; a repeat returns the recorded decision. Exit 4 when the order failed (nothing held).")
    {
        Options.Add(_tenant);
        Options.Add(_file);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tenant = TenantOption.Read(scope.Parse, _tenant);
        var file = scope.Parse.GetRequiredValue(_file);
        var order = await OrdersFile.ReadAsync(file.FullName, cancellationToken);
        // Rejected here, before connecting, so bad input never depends on the cluster being up.
        OrdersClient.Validate(tenant, order);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var decision = await client.Orders.PlaceAsync(tenant, order, cancellationToken);
        OrderDecisionView.Write(scope.Output, decision);
        if (decision.Status == OrderStatus.Failed)
        {
            scope.Output.WriteError($"order {decision.OrderId} failed: {decision.Reason} Nothing is held.");
            return ExitCodes.Conflict;
        }
        return ExitCodes.Ok;
    }
}
