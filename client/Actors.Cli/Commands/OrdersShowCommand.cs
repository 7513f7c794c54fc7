using System.CommandLine;
using Actors.Cli.Output;
using Actors.Contracts;

namespace Actors.Cli.Commands;

/// <summary><c>actors orders show --order O</c>: the recorded decision of an order; exit 5 when it was never placed.</summary>
public sealed class OrdersShowCommand : Command
{
    private readonly Option<string> _tenant = TenantOption.Create();
    private readonly Option<string> _order = new("--order") { Description = "The order id.", Required = true };

    public OrdersShowCommand(CommandRunner runner)
        : base("show", "Show an order's recorded decision: status, allocations, solver status, objective and every attempt. Exit 5 when unknown.")
    {
        Options.Add(_tenant);
        Options.Add(_order);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tenant = TenantOption.Read(scope.Parse, _tenant);
        var orderId = scope.Parse.GetRequiredValue(_order);
        EntityKey.Validate("order", orderId);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var decision = await client.Orders.GetAsync(tenant, orderId, cancellationToken);
        if (decision is null)
        {
            scope.Output.WriteError($"not found: order {tenant}/{orderId} was never placed (place it with: actors orders place --tenant {tenant} --file order.json).");
            return ExitCodes.NotFound;
        }
        OrderDecisionView.Write(scope.Output, decision);
        return ExitCodes.Ok;
    }
}
