namespace Actors.Grains.Inventory;

/// <summary>
/// The lanes' consumer of one SKU-location's stock events (key <c>tenant/sku@location</c>, the stream's key). It has no
/// calls of its own: Orleans activates it through its implicit stream subscription.
/// </summary>
[Alias("inventory.stock-lane-consumer")]
public interface IStockLaneConsumerGrain : IGrainWithStringKey;
