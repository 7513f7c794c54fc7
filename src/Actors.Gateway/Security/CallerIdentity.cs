using System.Security.Claims;
using Actors.Client.Security;

namespace Actors.Gateway.Security;

/// <summary>Who is calling, from a validated token: the one tenant they may touch, their scopes, and their subject.</summary>
/// <param name="Tenant">The token's <c>tenant</c> claim, or null when absent.</param>
/// <param name="Scopes">The union of the token's space-separated <c>scope</c> claims.</param>
/// <param name="Subject">The token's <c>sub</c>, or null.</param>
public sealed record CallerIdentity(string? Tenant, IReadOnlySet<string> Scopes, string? Subject)
{
    /// <summary>Reads the caller from <paramref name="user"/> (claims are kept as issued: the handler maps nothing).</summary>
    public static CallerIdentity From(ClaimsPrincipal user)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in user.FindAll(DevelopmentTokens.ScopeClaim))
        {
            foreach (var scope in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                scopes.Add(scope);
            }
        }
        return new CallerIdentity(user.FindFirst(DevelopmentTokens.TenantClaim)?.Value, scopes, user.FindFirst("sub")?.Value);
    }

    /// <summary>Whether the token carries <paramref name="scope"/>.</summary>
    public bool Has(string scope) => Scopes.Contains(scope);
}
