using Actors.Contracts.Inventory;

namespace Actors.Grains.Inventory;

/// <summary>How SKU-locations are sharded (configuration section <c>Actors:Inventory</c>).</summary>
public sealed class InventoryOptions
{
    /// <summary>Shards of a SKU-location whose SKU is not in <see cref="ShardsBySku"/>. One shard is one grain.</summary>
    public int Shards { get; set; } = 1;

    /// <summary>
    /// Shards per hot SKU (every tenant and location of it). A SKU-location's shard count is fixed the first time it is
    /// used: reservations are placed on a shard chosen from their id, and changing the count would move that choice.
    /// </summary>
    public Dictionary<string, int> ShardsBySku { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How many times a reservation refused by a dry shard asks the rebalancer for units straight away; after that it
    /// backs off a few milliseconds between asks. It is refused only when the shards together lack the units.
    /// </summary>
    public int TopUpAttempts { get; set; } = 8;

    /// <summary>The shard count for <paramref name="sku"/> under this configuration.</summary>
    public int ShardsFor(string sku) => ShardsBySku.TryGetValue(sku, out var shards) ? shards : Shards;

    /// <summary>Every problem with the settings, as sentences; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Shards is < 1 or > StockKey.MaxShards)
        {
            problems.Add($"Actors:Inventory:Shards must be between 1 and {StockKey.MaxShards} (got {Shards}).");
        }
        foreach (var (sku, shards) in ShardsBySku)
        {
            if (shards is < 1 or > StockKey.MaxShards)
            {
                problems.Add($"Actors:Inventory:ShardsBySku:{sku} must be between 1 and {StockKey.MaxShards} (got {shards}).");
            }
        }
        if (TopUpAttempts < 1)
        {
            problems.Add($"Actors:Inventory:TopUpAttempts must be at least 1 (got {TopUpAttempts}).");
        }
        return problems;
    }
}
