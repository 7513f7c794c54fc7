namespace Actors.Fulfillment;

/// <summary>The objective of a plan, broken down into its terms (minor currency units).</summary>
/// <param name="Shipping">Sum of units times the lane's cost per unit.</param>
/// <param name="Lateness">Sum of units times days late times the lateness penalty.</param>
/// <param name="Split">The split penalty times the locations used beyond the first.</param>
public sealed record FulfillmentCost(long Shipping, long Lateness, long Split)
{
    /// <summary>The objective value: the sum of the three terms.</summary>
    public long Total => Shipping + Lateness + Split;

    /// <summary>The cost of an infeasible plan, which ships nothing.</summary>
    public static FulfillmentCost None { get; } = new(0, 0, 0);
}
