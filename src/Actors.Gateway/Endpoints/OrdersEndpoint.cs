using Actors.Client;
using Actors.Gateway.Configuration;
using Actors.Gateway.Hosting;
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
    /// <summary>Handles one request; <paramref name="tenant"/> (optional) must be the caller's own (and is required without authentication).</summary>
    public static async Task<IResult> PlaceAsync(
        HttpContext http, string? tenant, GatewayOptions options, GatewayProtections protections, ClusterCall cluster, ActorsClient client)
    {
        var own = CallerAccess.TenantFor(http, protections, GatewayScopes.InventoryWrite, tenant, "tenant");
        var body = await RequestBody.ReadJsonAsync(http.Request, options.MaxBodyBytes, http.RequestAborted);
        var order = protections.Validation ? PlaceOrderReader.Read(body, own) : PlaceOrderReader.ReadUnchecked(body);
        return await cluster.RunAsync(http, TrafficClass.Critical, async cancellationToken =>
            Results.Ok(await client.Orders.PlaceAsync(own, order, cancellationToken)));
    }
}
