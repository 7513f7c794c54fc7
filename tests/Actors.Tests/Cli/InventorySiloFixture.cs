using Actors.Hosting;
using Actors.Tests.Clusters;

namespace Actors.Tests.Cli;

/// <summary>
/// A gateway silo for the inventory and orders CLI tests, with a small fulfillment network of its own: region <c>north</c>
/// is served by <c>wh-a</c> (cheap, 1 day) and <c>wh-b</c> (dearer, 3 days); <see cref="HotSku"/> is sharded. No price plans: nothing here is invoiced.
/// </summary>
public sealed class InventorySiloFixture : GatewaySiloFixture
{
    /// <summary>A SKU split over <see cref="HotSkuShards"/> shard grains at every location; every other SKU has one.</summary>
    public const string HotSku = "hot-4";

    public const int HotSkuShards = 4;

    public string NetworkFile => Path.Combine(DataDirectory, "network.json");

    protected override IEnumerable<(string File, string Json)> PricePlans() => [];

    protected override void Configure(ActorsSiloOptions options)
    {
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllText(NetworkFile, """
            {
              "description": "Test network: two warehouses serving one region.",
              "weights": { "latenessPenaltyPerUnitDay": 150, "splitPenalty": 600 },
              "locations": [
                { "id": "wh-a", "kind": "warehouse", "handlingCapacity": 1000,
                  "lanes": [ { "region": "north", "costPerUnit": 300, "transitDays": 1 } ] },
                { "id": "wh-b", "kind": "warehouse", "handlingCapacity": 1000,
                  "lanes": [ { "region": "north", "costPerUnit": 500, "transitDays": 3 } ] }
              ]
            }
            """);
        options.Fulfillment.NetworkFile = NetworkFile;
        options.Inventory.ShardsBySku[HotSku] = HotSkuShards;
    }
}
