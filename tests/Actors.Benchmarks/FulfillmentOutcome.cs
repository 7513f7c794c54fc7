using Actors.Fulfillment;

namespace Actors.Benchmarks;

/// <summary>One order decided with the production budget and again with the reference budget.</summary>
internal sealed record FulfillmentOutcome(int Lines, FulfillmentPlan Production, FulfillmentPlan Reference)
{
    /// <summary>Both runs found a plan, so their objectives can be compared.</summary>
    public bool Comparable => Production.Status != FulfillmentStatus.Infeasible && Reference.Status != FulfillmentStatus.Infeasible;

    /// <summary>(production - reference) / reference in percent; zero when both cost nothing.</summary>
    public double GapPercent => Reference.Objective == 0
        ? (Production.Objective == 0 ? 0 : double.PositiveInfinity)
        : 100.0 * (Production.Objective - Reference.Objective) / Reference.Objective;
}
