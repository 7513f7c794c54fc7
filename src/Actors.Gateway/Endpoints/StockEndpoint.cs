using Actors.Client;
using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Actors.Gateway.Hosting;
using Actors.Gateway.Protection;
using Actors.Gateway.Security;
using Actors.Gateway.Validation;

namespace Actors.Gateway.Endpoints;

/// <summary><c>GET /v1/stock/{sku}?location=L</c>: a SKU-location's buckets (available, reserved, committed …) summed over its shards.</summary>
public static class StockEndpoint
{
    /// <summary>Handles one request; <paramref name="tenant"/> (optional) must be the caller's own.</summary>
    public static Task<IResult> GetAvailabilityAsync(
        HttpContext http, string sku, string? location, string? tenant, GatewayProtections protections, ClusterCall cluster, ActorsClient client)
    {
        var own = CallerAccess.TenantFor(http, protections, GatewayScopes.Read, tenant, "tenant");
        if (string.IsNullOrEmpty(location))
        {
            throw new GatewayRequestException(StatusCodes.Status400BadRequest, "location", "the location query parameter is required (?location=L).");
        }
        if (protections.Validation)
        {
            RequireValidKey(own, sku, location);
        }
        return cluster.RunAsync(http, TrafficClass.Critical, async cancellationToken =>
            Results.Ok(await client.Inventory.GetAvailabilityAsync(own, sku, location, cancellationToken)));
    }

    private static void RequireValidKey(string tenant, string sku, string location)
    {
        try
        {
            _ = StockKey.Format(tenant, sku, location);
        }
        catch (InvalidEventException invalid)
        {
            var field = invalid.Message.StartsWith("location", StringComparison.Ordinal) ? "location" : "sku";
            throw new GatewayRequestException(StatusCodes.Status400BadRequest, field, invalid.Message);
        }
    }
}
