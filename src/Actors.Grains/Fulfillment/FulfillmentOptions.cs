namespace Actors.Grains.Fulfillment;

/// <summary>How orders are routed (configuration section <c>Actors:Fulfillment</c>).</summary>
public sealed class FulfillmentOptions
{
    /// <summary>
    /// The fulfillment network file (locations, lanes, capacities, weights). A relative path is looked up in the working
    /// directory first, then in the application's folder (where a published silo keeps its copy of <c>cluster-config/</c>).
    /// </summary>
    public string NetworkFile { get; set; } = "cluster-config/fulfillment/network.json";

    /// <summary>Wall time one routing decision may take; when CP-SAT has no plan by then, the greedy heuristic decides.</summary>
    public TimeSpan DecisionBudget { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many times an order is solved again with fresh stock after a reservation failed because stock moved.</summary>
    public int ResolveAttempts { get; set; } = 3;

    /// <summary>
    /// How long the units of an order are held before they are confirmed. The grain confirms right after every line is
    /// reserved, so this only bounds how long a crashed placement keeps units from other shoppers.
    /// </summary>
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most lines one order may have; keeps a single decision's model within the time budget.</summary>
    public int MaxLines { get; set; } = 100;

    /// <summary>Every problem with the settings, as sentences; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(NetworkFile))
        {
            problems.Add("Actors:Fulfillment:NetworkFile must name the fulfillment network file.");
        }
        if (DecisionBudget <= TimeSpan.Zero)
        {
            problems.Add($"Actors:Fulfillment:DecisionBudget must be positive (got {DecisionBudget}).");
        }
        if (ResolveAttempts < 0)
        {
            problems.Add($"Actors:Fulfillment:ResolveAttempts must not be negative (got {ResolveAttempts}).");
        }
        if (ReservationTtl <= TimeSpan.Zero)
        {
            problems.Add($"Actors:Fulfillment:ReservationTtl must be positive (got {ReservationTtl}).");
        }
        if (MaxLines < 1)
        {
            problems.Add($"Actors:Fulfillment:MaxLines must be at least 1 (got {MaxLines}).");
        }
        return problems;
    }
}
