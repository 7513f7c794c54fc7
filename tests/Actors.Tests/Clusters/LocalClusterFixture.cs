using Actors.Hosting;
using Orleans.TestingHost;

namespace Actors.Tests.Clusters;

/// <summary>
/// An in-process cluster composed by <see cref="ActorsSiloBuilderExtensions.AddActors"/> with the local profile, on SQLite
/// files in a temporary folder: the production configuration, minus the network (the harness provides membership).
/// </summary>
public sealed class LocalClusterFixture : IAsyncLifetime
{
    private readonly short _silos;
    private readonly int _snapshotEvery;
    private readonly Action<ActorsSiloOptions>? _configure;

    public LocalClusterFixture() : this(silos: 2, snapshotEvery: 5)
    {
    }

    /// <param name="silos">Silos to start.</param>
    /// <param name="snapshotEvery">Ledger rows between entity snapshots (small, so tests cross snapshot boundaries).</param>
    /// <param name="configure">Further settings every silo gets (sharding, fulfillment …).</param>
    internal LocalClusterFixture(short silos, int snapshotEvery, Action<ActorsSiloOptions>? configure = null)
    {
        _silos = silos;
        _snapshotEvery = snapshotEvery;
        _configure = configure;
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "actors-tests", Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(_silos);
        var dataDirectory = DataDirectory;
        var snapshotEvery = _snapshotEvery;
        var configure = _configure;
        builder.ConfigureSilo((_, silo) =>
        {
            var options = new ActorsSiloOptions
            {
                Profile = ActorsProfile.Local,
                DataDirectory = dataDirectory,
                HostProvidesMembership = true,
                Grains = { SnapshotEvery = snapshotEvery },
            };
            configure?.Invoke(options);
            silo.AddActors(options);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
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
