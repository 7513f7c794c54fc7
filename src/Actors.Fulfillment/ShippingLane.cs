namespace Actors.Fulfillment;

/// <summary>How a location ships to one destination region.</summary>
/// <param name="Region">The destination region.</param>
/// <param name="CostPerUnit">Shipping cost per unit, in minor currency units (the solver works over integers).</param>
/// <param name="TransitDays">Days from dispatch to delivery.</param>
public sealed record ShippingLane(string Region, long CostPerUnit, int TransitDays);
