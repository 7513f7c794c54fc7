using Actors.Hosting;

namespace Actors.Gateway.Tests;

/// <summary>
/// A silo composed like <see cref="GatewayClusterFixture"/>'s but pointed at a fulfillment network file that does not
/// exist: it starts (a missing network only disables fulfillment) and fails every order on the silo side, the way a
/// misconfigured production silo would.
/// </summary>
public sealed class UnconfiguredClusterFixture : SingleSiloFixture
{
    /// <summary>Where the silo looks for its network; the path must not leak to callers.</summary>
    public string MissingNetworkFile { get; } = Path.Combine(Path.GetTempPath(), "actors-gateway-tests", "no-such-network-" + Guid.NewGuid().ToString("N") + ".json");

    protected override ActorsSiloOptions SiloOptions(string dataDirectory) => new()
    {
        Profile = ActorsProfile.Local,
        DataDirectory = dataDirectory,
        HostProvidesMembership = true,
        Fulfillment = { NetworkFile = MissingNetworkFile },
    };
}
