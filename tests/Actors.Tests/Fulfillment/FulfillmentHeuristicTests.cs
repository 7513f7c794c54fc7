using Actors.Contracts.Fulfillment;
using static Actors.Tests.Fulfillment.TestNetwork;

namespace Actors.Tests.Fulfillment;

public sealed class FulfillmentHeuristicTests(OneMillisecondBudgetFixture fixture) : IClassFixture<OneMillisecondBudgetFixture>
{
    [Fact]
    public async Task A_one_millisecond_budget_lets_the_heuristic_decide_and_the_order_is_still_placed()
    {
        var scenario = new OrderScenario(fixture.Client);
        await scenario.ReceiveAsync(Warehouse, 10);
        await scenario.ReceiveAsync(Depot, 3);

        var decision = await scenario.Order("o-h1").Place(OrderScenario.Northern("o-h1", 4));

        Assert.Equal((OrderStatus.Placed, DecisionStatus.Heuristic), (decision.Status, decision.SolverStatus));
        var attempt = Assert.Single(decision.Attempts);
        Assert.Contains("budget", attempt.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, decision.Allocations.Sum(a => a.Quantity));
        long committed = 0;
        foreach (var location in NorthLocations)
        {
            var buckets = await scenario.BucketsAsync(location);
            Assert.Equal(decision.Allocations.Where(a => a.LocationId == location).Sum(a => (long)a.Quantity), buckets.Committed);
            Assert.Equal(0, buckets.Reserved);
            committed += buckets.Committed;
        }
        Assert.Equal(4, committed);
    }
}
