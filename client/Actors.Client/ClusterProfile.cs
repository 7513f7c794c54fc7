namespace Actors.Client;

/// <summary>How the client finds the cluster's gateways.</summary>
public enum ClusterProfile
{
    /// <summary>One silo on this machine: the gateway is <c>localhost:GatewayPort</c>.</summary>
    Local,

    /// <summary>Many silos: gateways are read from the PostgreSQL membership table the silos maintain.</summary>
    Cluster,
}
