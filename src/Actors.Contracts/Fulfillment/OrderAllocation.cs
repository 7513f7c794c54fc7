namespace Actors.Contracts.Fulfillment;

/// <summary>
/// Units of one order line sent from one location, and the stock reservation that holds them. The reservation id is derived
/// from the order id, the attempt, the line and the location, so a retried order re-drives the same reservation and never
/// holds the units twice.
/// </summary>
/// <param name="LineIndex">Index of the line in <see cref="PlaceOrder.Lines"/>.</param>
/// <param name="Sku">The line's SKU.</param>
/// <param name="LocationId">The network location shipping the units.</param>
/// <param name="Quantity">Units shipped from that location.</param>
/// <param name="ReservationId">The reservation on the SKU-location's stock grain.</param>
[GenerateSerializer, Immutable, Alias("fulfillment.order-allocation")]
public sealed record OrderAllocation(
    [property: Id(0)] int LineIndex,
    [property: Id(1)] string Sku,
    [property: Id(2)] string LocationId,
    [property: Id(3)] int Quantity,
    [property: Id(4)] string ReservationId);
