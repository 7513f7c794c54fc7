using Actors.Client.Events;

namespace Actors.Gateway.Configuration;

/// <summary>The <c>Gateway</c> configuration section: where it listens, which cluster it fronts, and its protections.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gateway";

    /// <summary>Default listen URL.</summary>
    public const string DefaultUrl = "http://localhost:8088";

    /// <summary>Where the gateway listens (Kestrel URL). Default <c>http://localhost:8088</c>.</summary>
    public string Url { get; set; } = DefaultUrl;

    /// <summary>How to reach the cluster.</summary>
    public GatewayClusterOptions Cluster { get; set; } = new();

    /// <summary>How bearer tokens are validated.</summary>
    public GatewayJwtOptions Jwt { get; set; } = new();

    /// <summary>Largest accepted request body in bytes; larger bodies get 413. Default 1 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Most envelopes in one <c>POST /v1/events</c>. Default and maximum <see cref="EventsClient.MaxEnvelopesPerCall"/>:
    /// a request is one call to the cluster's ingress, which admits a call all or nothing.
    /// </summary>
    public int MaxEnvelopesPerRequest { get; set; } = EventsClient.MaxEnvelopesPerCall;

    /// <summary>Per-client token bucket.</summary>
    public GatewayRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Concurrency limits per traffic class (bulk is shed first).</summary>
    public GatewaySheddingOptions Shedding { get; set; } = new();

    /// <summary>
    /// Lane overrides (type -> <c>critical</c> | <c>bulk</c>), the same as the silos' <c>Actors:Lanes:Routing</c>: the
    /// gateway sheds by lane, so it must classify types the way the cluster routes them.
    /// </summary>
    public Dictionary<string, string> Routing { get; set; } = [];

    /// <summary>Optional HTTPS with client certificates (mutual TLS).</summary>
    public GatewayTlsOptions Tls { get; set; } = new();

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (MaxBodyBytes < 1)
        {
            throw new InvalidOperationException($"Gateway:MaxBodyBytes must be positive (was {MaxBodyBytes}).");
        }
        if (MaxEnvelopesPerRequest is < 1 or > EventsClient.MaxEnvelopesPerCall)
        {
            throw new InvalidOperationException(
                $"Gateway:MaxEnvelopesPerRequest must be between 1 and {EventsClient.MaxEnvelopesPerCall} (was {MaxEnvelopesPerRequest}).");
        }
        Jwt.Validate();
        RateLimit.Validate();
        Shedding.Validate();
        Tls.Validate();
    }
}
