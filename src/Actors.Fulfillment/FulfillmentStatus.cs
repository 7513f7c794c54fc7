namespace Actors.Fulfillment;

/// <summary>How a fulfillment plan was reached.</summary>
public enum FulfillmentStatus
{
    /// <summary>CP-SAT proved the plan optimal.</summary>
    Optimal,

    /// <summary>CP-SAT found the plan but ran out of budget before proving it optimal.</summary>
    Feasible,

    /// <summary>The greedy fallback decided, because the solver had no solution within the budget.</summary>
    Heuristic,

    /// <summary>No plan serves every line; <see cref="FulfillmentPlan.Reason"/> says why.</summary>
    Infeasible,
}
