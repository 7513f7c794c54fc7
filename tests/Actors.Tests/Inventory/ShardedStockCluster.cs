using Actors.Hosting;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Actors.Tests.Inventory;

/// <summary>
/// An in-process cluster of several silos composed by <see cref="ActorsSiloBuilderExtensions.AddActors"/> with the local
/// profile on SQLite files in a temporary folder, where one hot SKU is split over a given number of shards
/// (<c>Actors:Inventory:ShardsBySku</c>). One per test: a test that kills a silo leaves a cluster no other test should share.
/// </summary>
internal sealed class ShardedStockCluster : IAsyncDisposable
{
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    private ShardedStockCluster(InProcessTestCluster cluster, string dataDirectory)
    {
        Cluster = cluster;
        DataDirectory = dataDirectory;
    }

    public InProcessTestCluster Cluster { get; }

    public string DataDirectory { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>The first silo started (instance 0): the one a kill test leaves alive.</summary>
    public InProcessSiloHandle Primary => Cluster.Silos.Single(s => s.InstanceNumber == 0);

    public static async Task<ShardedStockCluster> StartAsync(short silos, string hotSku, int shards)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "actors-tests", Guid.NewGuid().ToString("N"));
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddActors(new ActorsSiloOptions
        {
            Profile = ActorsProfile.Local,
            DataDirectory = dataDirectory,
            HostProvidesMembership = true,
            Inventory = { ShardsBySku = { [hotSku] = shards } },
        }));
        // The harness's membership would take ~15 s (5 s probes, 3 misses) to declare a killed silo dead, and a call lost
        // with it would wait out the 30 s response timeout: faster liveness and timeouts keep a kill test well under 30 s.
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ShardedStockCluster(cluster, dataDirectory);
    }

    public async ValueTask DisposeAsync()
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
