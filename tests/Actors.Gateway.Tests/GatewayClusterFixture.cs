using Actors.Hosting;
using Actors.Testing;

namespace Actors.Gateway.Tests;

/// <summary>
/// One in-process silo composed by <see cref="ActorsSiloBuilderExtensions.AddActors"/> (local profile: SQLite and the
/// embedded lanes in a temporary folder, the sample fulfillment network), shared by every gateway test. Gateways under
/// test are built over its client with <see cref="TestGateway"/>.
/// </summary>
public sealed class GatewayClusterFixture : SingleSiloFixture
{
    protected override ActorsSiloOptions SiloOptions(string dataDirectory)
    {
        var options = new ActorsSiloOptions
        {
            Profile = ActorsProfile.Local,
            DataDirectory = dataDirectory,
            HostProvidesMembership = true,
            Fulfillment = { NetworkFile = Path.Combine(RepositoryLayout.Root, "cluster-config", "fulfillment", "network.json") },
        };
        options.Lanes.Embedded.Critical.PollPeriod = TimeSpan.FromMilliseconds(20);
        options.Lanes.Embedded.Bulk.PollPeriod = TimeSpan.FromMilliseconds(50);
        return options;
    }
}
