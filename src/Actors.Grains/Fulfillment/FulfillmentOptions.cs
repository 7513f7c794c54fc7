namespace Actors.Grains.Fulfillment;

/// <summary>How orders are routed (configuration section <c>Actors:Fulfillment</c>).</summary>
public sealed class FulfillmentOptions
{
    /// <summary>The fulfillment network file (locations, lanes, capacities, weights).</summary>
    public string NetworkFile { get; set; } = "cluster-config/fulfillment/network.json";

    /// <summary>Wall time one routing decision may take; when CP-SAT has no plan by then, the greedy heuristic decides.</summary>
    public TimeSpan DecisionBudget { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many times an order is solved again with fresh stock after a reservation failed because stock moved.</summary>
    public int ResolveAttempts { get; set; } = 3;
}
