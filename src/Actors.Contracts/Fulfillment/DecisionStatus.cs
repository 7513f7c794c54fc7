namespace Actors.Contracts.Fulfillment;

/// <summary>What the solver could say about a plan.</summary>
public enum DecisionStatus
{
    /// <summary>CP-SAT proved the plan optimal within the time budget.</summary>
    Optimal = 0,

    /// <summary>CP-SAT found a plan in the time budget but could not prove it optimal.</summary>
    Feasible = 1,

    /// <summary>CP-SAT found nothing in the time budget; the greedy heuristic decided.</summary>
    Heuristic = 2,

    /// <summary>No plan serves the order from the stock and capacity offered.</summary>
    Infeasible = 3,
}
