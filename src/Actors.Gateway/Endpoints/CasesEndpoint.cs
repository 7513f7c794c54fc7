using Actors.Client;
using Actors.Gateway.Hosting;
using Actors.Gateway.Protection;
using Actors.Gateway.Security;

namespace Actors.Gateway.Endpoints;

/// <summary><c>GET /v1/cases/{id}</c>: a security case at its latest change; 404 when it was never opened.</summary>
public static class CasesEndpoint
{
    /// <summary>Handles one request; <paramref name="tenant"/> (optional) must be the caller's own (and is required without authentication).</summary>
    public static Task<IResult> GetAsync(HttpContext http, string id, string? tenant, GatewayProtections protections, ClusterCall cluster, ActorsClient client)
    {
        var own = CallerAccess.TenantFor(http, protections, GatewayScopes.Read, tenant, "tenant");
        if (protections.Validation)
        {
            CallerAccess.RequireKeyPart("id", id);
        }
        return cluster.RunAsync(http, TrafficClass.Critical, async cancellationToken =>
        {
            var found = await client.Security.GetCaseAsync(own, id, cancellationToken);
            return found is null
                ? GatewayProblems.Create(http, StatusCodes.Status404NotFound, $"case '{id}' of tenant '{own}' does not exist.", "id")
                : Results.Ok(found);
        });
    }
}
