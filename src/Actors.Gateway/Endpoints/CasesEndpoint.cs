using Actors.Client;
using Actors.Gateway.Protection;
using Actors.Gateway.Security;

namespace Actors.Gateway.Endpoints;

/// <summary><c>GET /v1/cases/{id}</c>: a security case at its latest change; 404 when it was never opened.</summary>
public static class CasesEndpoint
{
    /// <summary>Handles one request; <paramref name="tenant"/> (optional) must be the caller's own.</summary>
    public static Task<IResult> GetAsync(HttpContext http, string id, string? tenant, ClusterCall cluster, ActorsClient client)
    {
        var own = CallerAccess.Tenant(http, GatewayScopes.Read);
        CallerAccess.RequireSameTenant(own, tenant, "tenant");
        CallerAccess.RequireKeyPart("id", id);
        return cluster.RunAsync(http, TrafficClass.Critical, async cancellationToken =>
        {
            var found = await client.Security.GetCaseAsync(own, id, cancellationToken);
            return found is null
                ? GatewayProblems.Create(http, StatusCodes.Status404NotFound, $"case '{id}' of tenant '{own}' does not exist.", "id")
                : Results.Ok(found);
        });
    }
}
