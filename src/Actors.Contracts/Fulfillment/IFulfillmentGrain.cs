using Orleans.Concurrency;

namespace Actors.Contracts.Fulfillment;

/// <summary>
/// The fulfillment of one order, keyed <c>tenant/orderId</c> (<see cref="EntityKey.Format"/>). It reads available-to-promise
/// from every location that ships to the order's region, routes the order with the solver inside a time budget, reserves
/// and confirms the chosen units, and records every attempt on the order's ledger.
/// </summary>
[Alias("fulfillment.order")]
public interface IFulfillmentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Places the order once. A repeat of the same order returns the recorded decision with <see cref="OrderDecision.Duplicate"/>
    /// set and neither solves nor reserves again. A failed order is answered with <see cref="OrderStatus.Failed"/> and a reason,
    /// not an exception.
    /// </summary>
    /// <exception cref="Errors.InvalidEventException">when a field is invalid (no lines, quantity below 1, unknown region, bad SKU, order id not matching the key); nothing is written.</exception>
    /// <exception cref="Errors.ConflictException">when the order id was already placed with other content.</exception>
    [Alias("place")]
    Task<OrderDecision> Place(PlaceOrder order);

    /// <summary>The recorded decision, or null when the order was never decided.</summary>
    [Alias("get"), ReadOnly]
    Task<OrderDecision?> Get();
}
