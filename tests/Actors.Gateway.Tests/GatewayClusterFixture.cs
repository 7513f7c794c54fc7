using Actors.Client;
using Actors.Hosting;
using Actors.Testing;
using Orleans.TestingHost;

namespace Actors.Gateway.Tests;

/// <summary>
/// One in-process silo composed by <see cref="ActorsSiloBuilderExtensions.AddActors"/> (local profile: SQLite and the
/// embedded lanes in a temporary folder, the sample fulfillment network), shared by every gateway test. Gateways under
/// test are built over its client with <see cref="TestGateway"/>.
/// </summary>
public sealed class GatewayClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "actors-gateway-tests", Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The SDK over the test cluster's client: what the gateway uses, and what tests check effects with.</summary>
    public ActorsClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        var dataDirectory = DataDirectory;
        var network = Path.Combine(RepositoryLayout.Root, "cluster-config", "fulfillment", "network.json");
        builder.ConfigureSilo((_, silo) =>
        {
            var options = new ActorsSiloOptions
            {
                Profile = ActorsProfile.Local,
                DataDirectory = dataDirectory,
                HostProvidesMembership = true,
                Fulfillment = { NetworkFile = network },
            };
            options.Lanes.Embedded.Critical.PollPeriod = TimeSpan.FromMilliseconds(20);
            options.Lanes.Embedded.Bulk.PollPeriod = TimeSpan.FromMilliseconds(50);
            silo.AddActors(options);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Client = ActorsClient.FromClusterClient(Cluster.Client);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException ex)
        {
            // A leftover temp folder is harmless; say so rather than fail a passing test run.
            Console.Error.WriteLine($"could not remove {DataDirectory}: {ex.Message}");
        }
    }
}
