using Actors.Client;
using Actors.Gateway.Configuration;
using Actors.Gateway.Protection;
using Actors.Gateway.Security;
using Actors.Gateway.Validation;

namespace Actors.Gateway.Endpoints;

/// <summary>
/// <c>POST /v1/orders</c>: places an order for the caller's tenant (routed by the solver, reserved and confirmed). The
/// order id is the idempotency key: placing it again answers the original decision.
/// </summary>
public static class OrdersEndpoint
{
    /// <summary>Handles one request.</summary>
    public static async Task<IResult> PlaceAsync(HttpContext http, GatewayOptions options, ClusterCall cluster, ActorsClient client)
    {
        var tenant = CallerAccess.Tenant(http, GatewayScopes.InventoryWrite);
        var body = await RequestBody.ReadJsonAsync(http.Request, options.MaxBodyBytes, http.RequestAborted);
        var order = PlaceOrderReader.Read(body, tenant);
        return await cluster.RunAsync(http, TrafficClass.Critical, async cancellationToken =>
            Results.Ok(await client.Orders.PlaceAsync(tenant, order, cancellationToken)));
    }
}
