namespace Actors.Fulfillment;

/// <summary>The routing decision for one order, with what the audit record needs.</summary>
/// <param name="OrderId">The order decided.</param>
/// <param name="Status">Optimal, feasible, heuristic or infeasible.</param>
/// <param name="Allocations">Units per line and location, ordered by line then location id; empty when infeasible.</param>
/// <param name="Cost">The objective and its terms.</param>
/// <param name="Elapsed">Wall time spent deciding.</param>
/// <param name="Reason">Why the plan is infeasible, or why the heuristic decided; null for solver plans.</param>
public sealed record FulfillmentPlan(
    string OrderId,
    FulfillmentStatus Status,
    IReadOnlyList<FulfillmentAllocation> Allocations,
    FulfillmentCost Cost,
    TimeSpan Elapsed,
    string? Reason)
{
    /// <summary>The objective value (<see cref="FulfillmentCost.Total"/>).</summary>
    public long Objective => Cost.Total;
}
