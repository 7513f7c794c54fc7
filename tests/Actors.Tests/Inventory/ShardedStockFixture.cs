using Actors.Tests.Clusters;

namespace Actors.Tests.Inventory;

/// <summary>A two-silo local cluster where SKU <see cref="HotSku"/> is split over <see cref="HotShards"/> shards and every other SKU has one.</summary>
public sealed class ShardedStockFixture : IAsyncLifetime
{
    public const string HotSku = "hot";
    public const int HotShards = 4;

    private readonly LocalClusterFixture _cluster = new(silos: 2, snapshotEvery: 50, options =>
        options.Inventory.ShardsBySku[HotSku] = HotShards);

    public IClusterClient Client => _cluster.Client;

    public Orleans.TestingHost.InProcessTestCluster Cluster => _cluster.Cluster;

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();
}
