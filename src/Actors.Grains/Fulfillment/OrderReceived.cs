using Actors.Contracts.Fulfillment;

namespace Actors.Grains.Fulfillment;

/// <summary>The order as first placed; a later placement with the same id must match it.</summary>
/// <param name="Order">The order's content.</param>
public sealed record OrderReceived(PlaceOrder Order) : OrderLedgerEvent;
