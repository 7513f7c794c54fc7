namespace Actors.Fulfillment;

/// <summary>Units of one order line shipped from one location.</summary>
/// <param name="LineIndex">Index of the line in <see cref="OrderRequest.Lines"/> (with the order id, the reservation key).</param>
/// <param name="Sku">The line's SKU.</param>
/// <param name="LocationId">The shipping location.</param>
/// <param name="Quantity">Units, at least 1.</param>
public sealed record FulfillmentAllocation(int LineIndex, string Sku, string LocationId, int Quantity);
