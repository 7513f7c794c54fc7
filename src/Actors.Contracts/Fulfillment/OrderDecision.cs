namespace Actors.Contracts.Fulfillment;

/// <summary>
/// The outcome of placing an order, as recorded on the order's ledger: where its units come from (when placed), what the
/// solver said about the final attempt, and every attempt made.
/// </summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="OrderId">The order id.</param>
/// <param name="Status">Placed (units committed) or failed (nothing held).</param>
/// <param name="Allocations">The confirmed allocations; empty when failed.</param>
/// <param name="SolverStatus">The solver status of the last attempt.</param>
/// <param name="Objective">The objective of the last attempt's plan.</param>
/// <param name="SolveTime">Time spent solving, summed over attempts.</param>
/// <param name="Attempts">Every attempt, in order.</param>
/// <param name="Reason">Why the order failed; null when placed.</param>
/// <param name="DecidedAt">When the outcome was recorded.</param>
/// <param name="Duplicate">True when this answers a repeat of an already decided order: nothing was solved or reserved again.</param>
[GenerateSerializer, Immutable, Alias("fulfillment.order-decision")]
public sealed record OrderDecision(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string OrderId,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] IReadOnlyList<OrderAllocation> Allocations,
    [property: Id(4)] DecisionStatus SolverStatus,
    [property: Id(5)] long Objective,
    [property: Id(6)] TimeSpan SolveTime,
    [property: Id(7)] IReadOnlyList<DecisionAttempt> Attempts,
    [property: Id(8)] string? Reason,
    [property: Id(9)] DateTimeOffset DecidedAt,
    [property: Id(10)] bool Duplicate);
