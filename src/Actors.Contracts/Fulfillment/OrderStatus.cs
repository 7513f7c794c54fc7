namespace Actors.Contracts.Fulfillment;

/// <summary>How an order ended.</summary>
public enum OrderStatus
{
    /// <summary>Every allocation was reserved and confirmed: the units are committed for shipment.</summary>
    Placed = 0,

    /// <summary>No allocation is held: the network could not serve the order, or stock kept moving away. See the reason.</summary>
    Failed = 1,
}
