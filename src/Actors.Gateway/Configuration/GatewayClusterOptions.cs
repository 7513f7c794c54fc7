using Actors.Client;

namespace Actors.Gateway.Configuration;

/// <summary>The <c>Gateway:Cluster</c> section: the cluster the gateway is a client of.</summary>
public sealed class GatewayClusterOptions
{
    /// <summary><c>local</c> (one silo on localhost) or <c>cluster</c> (membership in PostgreSQL).</summary>
    public string Profile { get; set; } = "local";

    /// <summary>The local silo's gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = ActorsClientOptions.DefaultGatewayPort;

    /// <summary>Membership database of the cluster profile; defaults to the <c>ACTORS_POSTGRES</c> environment variable.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Orleans cluster id; empty means the profile's default.</summary>
    public string? ClusterId { get; set; }

    /// <summary>How long start-up waits for the cluster. Default 30 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The SDK options these settings describe.</summary>
    /// <exception cref="InvalidOperationException">for an unknown profile.</exception>
    public ActorsClientOptions ToClientOptions()
    {
        var profile = Profile.ToLowerInvariant() switch
        {
            "local" => ClusterProfile.Local,
            "cluster" => ClusterProfile.Cluster,
            _ => throw new InvalidOperationException($"Gateway:Cluster:Profile must be 'local' or 'cluster' (was '{Profile}')."),
        };
        var options = new ActorsClientOptions
        {
            Profile = profile,
            GatewayPort = GatewayPort,
            ClusterId = string.IsNullOrWhiteSpace(ClusterId) ? null : ClusterId,
            ConnectTimeout = ConnectTimeout,
        };
        if (!string.IsNullOrWhiteSpace(PostgresConnectionString))
        {
            options.PostgresConnectionString = PostgresConnectionString;
        }
        return options;
    }
}
