using Actors.Streaming.Embedded;
using Actors.Streaming.Lanes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.Tests.Lanes.Embedded;

/// <summary>
/// An in-process cluster with nothing but the embedded lanes (on <see cref="DataDirectory"/>) and the probe grains: the
/// adapter under test, without the rest of the Actors configuration in the way.
/// </summary>
public sealed class EmbeddedLaneCluster : IAsyncDisposable
{
    private EmbeddedLaneCluster(InProcessTestCluster cluster, string dataDirectory, EmbeddedLaneOptions options)
    {
        Cluster = cluster;
        DataDirectory = dataDirectory;
        Options = options;
    }

    public InProcessTestCluster Cluster { get; }

    public string DataDirectory { get; }

    /// <summary>The options every silo was given (for partition counts and retry settings).</summary>
    public EmbeddedLaneOptions Options { get; }

    /// <summary>The lanes' store in the first live silo (all silos share the file).</summary>
    public SqliteLaneStore Store => Cluster.GetSiloServiceProvider().GetRequiredService<SqliteLaneStore>();

    public ILaneDeadLetterQueue DeadLetters => Cluster.GetSiloServiceProvider().GetRequiredService<ILaneDeadLetterQueue>();

    /// <summary>Test settings: quick polls, and quick retries so a poison message is dead within a second.</summary>
    public static void FastSettings(EmbeddedLaneOptions options)
    {
        options.Critical.PollPeriod = TimeSpan.FromMilliseconds(20);
        options.Critical.RetryDelay = TimeSpan.FromMilliseconds(200);
        options.Critical.MaxDeliveryAttempts = 3;
        options.Bulk.PollPeriod = TimeSpan.FromMilliseconds(50);
        options.Bulk.RetryDelay = TimeSpan.FromMilliseconds(200);
        options.Bulk.MaxDeliveryAttempts = 3;
    }

    public static async Task<EmbeddedLaneCluster> StartAsync(string dataDirectory, short silos, Action<EmbeddedLaneOptions> configure)
    {
        var options = new EmbeddedLaneOptions { DataDirectory = dataDirectory };
        configure(options);
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddEmbeddedLanes(o =>
        {
            o.DataDirectory = options.DataDirectory;
            o.Critical = options.Critical;
            o.Bulk = options.Bulk;
        }));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new EmbeddedLaneCluster(cluster, dataDirectory, options);
    }

    public ILanePublisherGrain Publisher(int key) => Cluster.Client.GetGrain<ILanePublisherGrain>(key);

    /// <summary>Messages of <paramref name="lane"/> enqueued and not acknowledged, over all its partitions.</summary>
    public async Task<long> PendingAsync(string lane)
    {
        long pending = 0;
        for (var partition = 0; partition < Options.For(lane).Partitions; partition++)
        {
            pending += await Store.CountPendingAsync(lane, partition, CancellationToken.None);
        }
        return pending;
    }

    /// <summary>Stops every silo at once, without a graceful shut-down.</summary>
    public async Task KillAsync()
    {
        foreach (var silo in Cluster.Silos.ToList())
        {
            await Cluster.KillSiloAsync(silo);
        }
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
