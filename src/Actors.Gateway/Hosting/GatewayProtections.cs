namespace Actors.Gateway.Hosting;

/// <summary>
/// Which of the gateway's protections run. Everything is on by default, and there is deliberately no configuration key for
/// this: the only way to switch a protection off is to pass this record in code to
/// <see cref="GatewayServiceCollectionExtensions.AddActorsGateway(IServiceCollection, Configuration.GatewayOptions, GatewayProtections?)"/>,
/// which the benchmark does to measure what the protections cost. An operator editing settings cannot open the gateway.
/// </summary>
/// <param name="Authentication">
/// JWT bearer tokens, scopes and the token's tenant. Off: no token is needed and the tenant is taken from the request
/// (<c>?tenant=</c> on reads and orders, each envelope's own <c>tenant</c> on events).
/// </param>
/// <param name="Validation">
/// Schema and value checks of bodies, paths and queries. Off: bodies are still read within the body limit and parsed into
/// envelopes (or orders), but unknown fields, key rules, types and values are left for the cluster to judge.
/// </param>
/// <param name="RateLimiting">The per-client token bucket (429 with Retry-After). Off: no bucket is evaluated.</param>
public sealed record GatewayProtections(bool Authentication = true, bool Validation = true, bool RateLimiting = true)
{
    /// <summary>Every protection on: the production composition.</summary>
    public static GatewayProtections All { get; } = new();

    /// <summary>Authentication, validation and rate limiting all off (load shedding and the body limit still apply).</summary>
    public static GatewayProtections None { get; } = new(Authentication: false, Validation: false, RateLimiting: false);
}
