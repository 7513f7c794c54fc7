using Actors.Contracts.Fulfillment;

namespace Actors.Grains.Fulfillment;

/// <summary>The order's outcome: its last attempt's units are confirmed (placed), or nothing is held (failed).</summary>
/// <param name="Status">Placed or failed.</param>
/// <param name="Reason">Why the order failed; null when placed.</param>
public sealed record OrderDecided(OrderStatus Status, string? Reason) : OrderLedgerEvent;
