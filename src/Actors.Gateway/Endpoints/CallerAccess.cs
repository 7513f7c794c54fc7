using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Gateway.Hosting;
using Actors.Gateway.Security;
using Actors.Gateway.Validation;

namespace Actors.Gateway.Endpoints;

/// <summary>The tenant and scope checks every endpoint makes on the (already authenticated) caller.</summary>
public static class CallerAccess
{
    /// <summary>The caller's tenant, after checking they hold <paramref name="scope"/> (when given).</summary>
    /// <exception cref="GatewayRequestException">403 when the token has no usable tenant or lacks the scope.</exception>
    public static string Tenant(HttpContext http, string? scope)
    {
        var caller = CallerIdentity.From(http.User);
        if (caller.Tenant is null)
        {
            throw Forbidden(null, "the token has no tenant claim; it cannot touch any tenant.");
        }
        try
        {
            EntityKey.Validate("tenant", caller.Tenant);
        }
        catch (InvalidEventException invalid)
        {
            throw Forbidden(null, $"the token's tenant claim is unusable: {invalid.Message}");
        }
        if (scope is not null && !caller.Has(scope))
        {
            throw Forbidden(null, $"the token lacks the '{scope}' scope.");
        }
        return caller.Tenant;
    }

    /// <summary>
    /// The tenant a request acts for: with authentication on, the caller's own (after the scope check) and
    /// <paramref name="requested"/> must match it; with it off, <paramref name="requested"/> itself, which is then required.
    /// </summary>
    /// <exception cref="GatewayRequestException">403 as in <see cref="Tenant"/>; 400 naming <paramref name="field"/> when unauthenticated and absent.</exception>
    public static string TenantFor(HttpContext http, GatewayProtections protections, string? scope, string? requested, string field)
    {
        if (protections.Authentication)
        {
            var own = Tenant(http, scope);
            RequireSameTenant(own, requested, field);
            return own;
        }
        if (string.IsNullOrEmpty(requested))
        {
            throw new GatewayRequestException(StatusCodes.Status400BadRequest, field,
                $"without authentication the request names its tenant (?{field}=T).");
        }
        return requested;
    }

    /// <summary>Checks that a tenant named by the request (query or body) is the caller's own.</summary>
    /// <exception cref="GatewayRequestException">403 naming <paramref name="field"/> when it is another tenant.</exception>
    public static void RequireSameTenant(string callerTenant, string? requested, string field)
    {
        if (requested is not null && !string.Equals(requested, callerTenant, StringComparison.Ordinal))
        {
            throw Forbidden(field, $"the token is for tenant '{callerTenant}' and cannot touch another tenant.");
        }
    }

    /// <summary>Checks a path or query value with the entity key rules.</summary>
    /// <exception cref="GatewayRequestException">400 naming <paramref name="field"/>.</exception>
    public static void RequireKeyPart(string field, string? value)
    {
        try
        {
            EntityKey.Validate(field, value);
        }
        catch (InvalidEventException invalid)
        {
            throw new GatewayRequestException(StatusCodes.Status400BadRequest, field, invalid.Message);
        }
    }

    /// <summary>A 403 refusal.</summary>
    public static GatewayRequestException Forbidden(string? field, string detail) => new(StatusCodes.Status403Forbidden, field, detail);
}
