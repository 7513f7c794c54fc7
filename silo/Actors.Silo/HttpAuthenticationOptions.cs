using Actors.Hosting;

namespace Actors.Silo;

/// <summary>
/// Who may read the silo's <c>/dashboard</c> and <c>/metrics</c> (<c>Actors:Http</c>). Required in the <c>cluster</c> profile,
/// where the HTTP port is reachable from the network; <c>/healthz</c> stays open for load balancers and orchestrators.
/// </summary>
public sealed class HttpAuthenticationOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string Section = "Actors:Http";

    /// <summary>HTTP Basic users: name to password (<c>Actors__Http__Users__alice=...</c>).</summary>
    public Dictionary<string, string> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Bearer API keys (<c>Authorization: Bearer KEY</c>), e.g. for a Prometheus scraper (<c>Actors__Http__ApiKeys__0=...</c>).</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Whether credentials are required; unset means required in the <c>cluster</c> profile and not in <c>local</c>.</summary>
    public bool? RequireAuthentication { get; set; }

    /// <summary>Whether requests to the protected endpoints must authenticate under <paramref name="profile"/>.</summary>
    public bool IsRequired(ActorsProfile profile) => RequireAuthentication ?? profile == ActorsProfile.Cluster;

    /// <summary>Whether any user or API key is configured; without one, a required check refuses everybody.</summary>
    public bool HasCredentials => Users.Count > 0 || ApiKeys.Count > 0;
}
