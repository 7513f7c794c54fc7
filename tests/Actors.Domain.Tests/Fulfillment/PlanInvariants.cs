using Actors.Fulfillment;

namespace Actors.Domain.Tests.Fulfillment;

/// <summary>What every non-infeasible plan must satisfy, whoever produced it.</summary>
internal static class PlanInvariants
{
    public static void AssertValid(FulfillmentPlan plan, OrderRequest order, FulfillmentNetwork network, IReadOnlyList<StockOffer> offers)
    {
        Assert.NotEqual(FulfillmentStatus.Infeasible, plan.Status);
        Assert.All(plan.Allocations, a => Assert.True(a.Quantity > 0, $"allocation {a} is not positive"));

        for (var l = 0; l < order.Lines.Count; l++)
        {
            var line = l;
            var served = plan.Allocations.Where(a => a.LineIndex == line).Sum(a => a.Quantity);
            Assert.True(served == order.Lines[l].Quantity, $"line {l} needs {order.Lines[l].Quantity}, plan serves {served}");
            Assert.All(plan.Allocations.Where(a => a.LineIndex == line), a => Assert.Equal(order.Lines[line].Sku, a.Sku));
        }

        foreach (var group in plan.Allocations.GroupBy(a => (a.LocationId, a.Sku)))
        {
            var available = offers.Where(o => o.LocationId == group.Key.LocationId && o.Sku == group.Key.Sku).Sum(o => o.AvailableUnits);
            Assert.True(group.Sum(a => a.Quantity) <= available, $"plan takes {group.Sum(a => a.Quantity)} of {group.Key.Sku} at {group.Key.LocationId}, only {available} available");
        }

        foreach (var group in plan.Allocations.GroupBy(a => a.LocationId))
        {
            var location = network.Locations.Single(l => l.Id == group.Key);
            Assert.True(group.Sum(a => a.Quantity) <= location.HandlingCapacity, $"plan ships {group.Sum(a => a.Quantity)} from {group.Key}, capacity {location.HandlingCapacity}");
            Assert.NotNull(location.LaneTo(order.Region));
        }

        Assert.Equal(CostOf(plan, order, network), plan.Objective);
    }

    /// <summary>The objective recomputed from the allocations and the network, independently of the solver.</summary>
    public static long CostOf(FulfillmentPlan plan, OrderRequest order, FulfillmentNetwork network)
    {
        long cost = 0;
        foreach (var allocation in plan.Allocations)
        {
            var lane = network.Locations.Single(l => l.Id == allocation.LocationId).LaneTo(order.Region)!;
            var daysLate = Math.Max(0, lane.TransitDays - order.PromiseDays);
            cost += allocation.Quantity * (lane.CostPerUnit + daysLate * network.Weights.LatenessPenaltyPerUnitDay);
        }
        var locationsUsed = plan.Allocations.Select(a => a.LocationId).Distinct().Count();
        return cost + network.Weights.SplitPenalty * Math.Max(0, locationsUsed - 1);
    }
}
