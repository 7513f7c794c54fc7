namespace Actors.Fulfillment;

/// <summary>A store or warehouse that can ship orders.</summary>
/// <param name="Id">Unique location id within the network.</param>
/// <param name="Kind">Store or warehouse.</param>
/// <param name="Lanes">The regions it ships to; a region without a lane is not served from here.</param>
/// <param name="HandlingCapacity">The most units it can ship for one decision (its daily handling capacity).</param>
public sealed record FulfillmentLocation(string Id, LocationKind Kind, IReadOnlyList<ShippingLane> Lanes, int HandlingCapacity)
{
    /// <summary>The lane to <paramref name="region"/>, or null when the location does not ship there.</summary>
    public ShippingLane? LaneTo(string region) => Lanes.FirstOrDefault(lane => lane.Region == region);
}
