namespace Actors.Contracts.Inventory;

/// <summary>The buckets a unit of stock can be in at one SKU-location.</summary>
public enum StockBucket
{
    /// <summary>On hand and free: what may be promised (available-to-promise).</summary>
    Available = 0,

    /// <summary>Held by an open reservation until it is confirmed, released or expires.</summary>
    Reserved = 1,

    /// <summary>Confirmed by a checkout and picked for shipment.</summary>
    Committed = 2,

    /// <summary>Dispatched to a customer; comes back only as a return.</summary>
    Shipped = 3,

    /// <summary>Unsellable.</summary>
    Damaged = 4,
}
