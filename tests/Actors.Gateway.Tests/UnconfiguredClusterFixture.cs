using Actors.Client;
using Actors.Hosting;
using Orleans.TestingHost;

namespace Actors.Gateway.Tests;

/// <summary>
/// A silo composed like <see cref="GatewayClusterFixture"/>'s but pointed at a fulfillment network file that does not
/// exist: it starts (a missing network only disables fulfillment) and fails every order on the silo side, the way a
/// misconfigured production silo would.
/// </summary>
public sealed class UnconfiguredClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "actors-gateway-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Where the silo looks for its network; the path must not leak to callers.</summary>
    public string MissingNetworkFile { get; } = Path.Combine(Path.GetTempPath(), "actors-gateway-tests", "no-such-network-" + Guid.NewGuid().ToString("N") + ".json");

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public ActorsClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        var dataDirectory = DataDirectory;
        var network = MissingNetworkFile;
        builder.ConfigureSilo((_, silo) => silo.AddActors(new ActorsSiloOptions
        {
            Profile = ActorsProfile.Local,
            DataDirectory = dataDirectory,
            HostProvidesMembership = true,
            Fulfillment = { NetworkFile = network },
        }));
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
