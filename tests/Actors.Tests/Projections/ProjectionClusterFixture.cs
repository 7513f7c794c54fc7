using Actors.Client;
using Actors.Hosting;
using Orleans.TestingHost;

namespace Actors.Tests.Projections;

/// <summary>
/// A two-silo in-process cluster composed by <c>AddActors</c> (local profile, SQLite in a temporary folder) with a fast
/// tailing period and small batches, so the owner's batching is exercised. Its service id is the SDK's default, so the
/// CLI reaches it with <c>--gateway-port</c> and <c>--cluster-id</c> like any local silo.
/// </summary>
public sealed class ProjectionClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "actors-tests", Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public ActorsClient Actors { get; private set; } = null!;

    /// <summary>The global options that point the CLI at this cluster.</summary>
    public string[] CliConnection => ["--gateway-port", Cluster.Silos[0].GatewayAddress.Endpoint.Port.ToString(), "--cluster-id", Cluster.Options.ClusterId];

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ServiceId = ActorsClientOptions.DefaultServiceId;
        var dataDirectory = DataDirectory;
        builder.ConfigureSilo((_, silo) => silo.AddActors(new ActorsSiloOptions
        {
            Profile = ActorsProfile.Local,
            DataDirectory = dataDirectory,
            HostProvidesMembership = true,
            Projections = { TailPeriod = TimeSpan.FromMilliseconds(50), BatchSize = 40, RebuildBatchSize = 150 },
        }));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Actors = ActorsClient.FromClusterClient(Client);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
