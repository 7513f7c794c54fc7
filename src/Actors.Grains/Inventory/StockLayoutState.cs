namespace Actors.Grains.Inventory;

/// <summary>The persisted layout of a SKU-location: how many shards its stock is split over (0 until first fixed).</summary>
[GenerateSerializer, Alias("inventory.stock-layout-state")]
public sealed class StockLayoutState
{
    /// <summary>The shard count; fixed once, because reservations are placed on the shard their id hashes to.</summary>
    [Id(0)] public int Shards { get; set; }
}
