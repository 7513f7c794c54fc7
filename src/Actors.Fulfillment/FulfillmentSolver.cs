using System.Diagnostics;
using Google.OrTools.Sat;

namespace Actors.Fulfillment;

/// <summary>
/// Routes an order to the fulfillment locations that ship it best: minimises shipping cost, plus a lateness penalty
/// per unit and day beyond the promise, plus a split penalty per location beyond the first, subject to stock and
/// handling capacity. CP-SAT decides within the time budget; when it has no solution in time, a greedy heuristic
/// does. Pure and deterministic: the same input gives the same plan.
/// </summary>
public static class FulfillmentSolver
{
    /// <summary>
    /// Below this budget CP-SAT is not started: building the model and entering native code alone can use it up,
    /// and the heuristic answers in microseconds.
    /// </summary>
    public static TimeSpan MinimumSolverBudget { get; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Part of the budget held back from CP-SAT's own limit: after it stops, reading the solution back out of native code
    /// takes another 1-3 ms (measured by the fulfillment benchmark), which would otherwise land past the budget.
    /// </summary>
    public static TimeSpan SolutionReadReserve { get; } = TimeSpan.FromMilliseconds(4);

    /// <summary>Decides where each line of <paramref name="request"/> ships from.</summary>
    /// <param name="request">The order.</param>
    /// <param name="network">Locations, lanes, capacities and weights.</param>
    /// <param name="offers">Available-to-promise per location and SKU; a missing offer means no stock.</param>
    /// <param name="budget">Wall time the decision may take (the solver's limit is what is left after building the model).</param>
    /// <returns>
    /// A plan that serves every line in full, or an <see cref="FulfillmentStatus.Infeasible"/> plan with no
    /// allocations and a <see cref="FulfillmentPlan.Reason"/>.
    /// </returns>
    /// <exception cref="ArgumentException">when the input is malformed (no lines, non-positive quantities, unknown locations, duplicate offers …).</exception>
    public static FulfillmentPlan Solve(OrderRequest request, FulfillmentNetwork network, IReadOnlyList<StockOffer> offers, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var problem = FulfillmentProblem.From(request, network, offers);

        if (problem.Shortfall() is { } shortfall)
        {
            return Infeasible(problem, clock, shortfall);
        }
        if (budget < MinimumSolverBudget + SolutionReadReserve)
        {
            return Heuristic(problem, clock, $"Budget {budget.TotalMilliseconds} ms is below the solver minimum of {(MinimumSolverBudget + SolutionReadReserve).TotalMilliseconds} ms.");
        }

        var status = CpSatFulfillment.Solve(problem, budget - clock.Elapsed - SolutionReadReserve, out var units);
        return status switch
        {
            CpSolverStatus.Optimal => Planned(problem, clock, FulfillmentStatus.Optimal, units, reason: null),
            CpSolverStatus.Feasible => Planned(problem, clock, FulfillmentStatus.Feasible, units, reason: null),
            CpSolverStatus.Infeasible => Infeasible(problem, clock,
                "No allocation serves every line: stock and handling capacity cannot be combined to cover the order (proven by CP-SAT)."),
            CpSolverStatus.Unknown => Heuristic(problem, clock, $"CP-SAT found no solution within the {budget.TotalMilliseconds} ms budget."),
            _ => throw new InvalidOperationException($"CP-SAT rejected the fulfillment model for order '{request.OrderId}' ({status})."),
        };
    }

    private static FulfillmentPlan Heuristic(FulfillmentProblem problem, Stopwatch clock, string why)
    {
        if (GreedyFulfillment.Solve(problem, out var units))
        {
            return Planned(problem, clock, FulfillmentStatus.Heuristic, units, why);
        }
        return Infeasible(problem, clock,
            why + " The greedy fallback could not serve every line either (not proven infeasible: a longer budget may find a plan).");
    }

    private static FulfillmentPlan Planned(FulfillmentProblem problem, Stopwatch clock, FulfillmentStatus status, int[,] units, string? reason) =>
        new(problem.Request.OrderId, status, problem.AllocationsOf(units), problem.CostOf(units), clock.Elapsed, reason);

    private static FulfillmentPlan Infeasible(FulfillmentProblem problem, Stopwatch clock, string reason) =>
        new(problem.Request.OrderId, FulfillmentStatus.Infeasible, [], FulfillmentCost.None, clock.Elapsed, reason);
}
