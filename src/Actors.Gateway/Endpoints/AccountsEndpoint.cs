using Actors.Client;
using Actors.Gateway.Hosting;
using Actors.Gateway.Protection;
using Actors.Gateway.Security;

namespace Actors.Gateway.Endpoints;

/// <summary><c>GET /v1/accounts/{id}/balance</c>: the account's balance per currency and usage per meter, from its ledger.</summary>
public static class AccountsEndpoint
{
    /// <summary>Handles one request; <paramref name="tenant"/> (optional) must be the caller's own (and is required without authentication).</summary>
    public static Task<IResult> GetBalanceAsync(HttpContext http, string id, string? tenant, GatewayProtections protections, ClusterCall cluster, ActorsClient client)
    {
        var own = CallerAccess.TenantFor(http, protections, GatewayScopes.Read, tenant, "tenant");
        if (protections.Validation)
        {
            CallerAccess.RequireKeyPart("id", id);
        }
        return cluster.RunAsync(http, TrafficClass.Critical, async cancellationToken =>
            Results.Ok(await client.Billing.GetBalanceAsync(own, id, cancellationToken)));
    }
}
