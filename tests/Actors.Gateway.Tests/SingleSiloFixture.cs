using Actors.Client;
using Actors.Hosting;
using Orleans.TestingHost;

namespace Actors.Gateway.Tests;

/// <summary>
/// One in-process silo composed by <see cref="ActorsSiloBuilderExtensions.AddActors"/> in a temporary data folder, and the
/// SDK over its client. Derived fixtures say how the silo is configured.
/// </summary>
public abstract class SingleSiloFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "actors-gateway-tests", Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The SDK over the test cluster's client: what the gateway uses, and what tests check effects with.</summary>
    public ActorsClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        var options = SiloOptions(DataDirectory);
        builder.ConfigureSilo((_, silo) => silo.AddActors(options));
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

    /// <summary>The silo's options (local profile, membership from the test host) over <paramref name="dataDirectory"/>.</summary>
    protected abstract ActorsSiloOptions SiloOptions(string dataDirectory);
}
