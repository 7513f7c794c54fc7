using Actors.Contracts.Fulfillment;
using Actors.Contracts.Inventory;
using Actors.Domain;
using Actors.Grains.Fulfillment;
using static Actors.Tests.Fulfillment.TestNetwork;

namespace Actors.Tests.Fulfillment;

/// <summary>Stock moved by a rival checkout between the grain's read and its reservation (see <see cref="StockTakingOfferReader"/>).</summary>
public sealed class FulfillmentResolveTests(SolverBudgetFixture fixture) : IClassFixture<SolverBudgetFixture>
{
    [Fact]
    public async Task Stock_taken_between_solve_and_reserve_is_released_recorded_and_re_solved_with_fresh_stock()
    {
        var scenario = new OrderScenario(fixture.Client);
        await scenario.ReceiveAsync(Warehouse, 10);
        await scenario.ReceiveAsync(Store, 2);
        await scenario.ReceiveAsync(Depot, 3);
        fixture.Takeover.Arm(scenario.Tenant, OrderScenario.Sku, Warehouse);

        var decision = await scenario.Order("o-r1").Place(OrderScenario.Northern("o-r1", 4));

        // Attempt 1 sees wh-a's 10 and picks it alone (1600, see FulfillmentGrainTests); the rival has taken them by then.
        // Attempt 2 sees wh-a empty: 4 units from st-b (2) and wh-c (3) must split; per unit st-b 350, wh-c 300, so
        // wh-c 3 + st-b 1 = 900 + 350 + 500 = 1750 beats wh-c 2 + st-b 2 = 600 + 700 + 500 = 1800.
        Assert.Equal((OrderStatus.Placed, DecisionStatus.Optimal, 1750L), (decision.Status, decision.SolverStatus, decision.Objective));
        Assert.Equal(2, decision.Attempts.Count);
        Assert.Equal([new OrderAllocation(0, OrderScenario.Sku, Warehouse, 4, "o-r1.1.0.wh-a")], decision.Attempts[0].Allocations);
        Assert.Contains("wh-a", decision.Attempts[0].Reason);
        Assert.Equal(
            [new OrderAllocation(0, OrderScenario.Sku, Store, 1, "o-r1.2.0.st-b"), new OrderAllocation(0, OrderScenario.Sku, Depot, 3, "o-r1.2.0.wh-c")],
            decision.Allocations);
        // The rival holds wh-a's 10; the order holds nothing there.
        Assert.Equal(new StockBuckets(Available: 0, Reserved: 10, Committed: 0, Shipped: 0, Damaged: 0), await scenario.BucketsAsync(Warehouse));
        Assert.Equal(new StockBuckets(Available: 1, Reserved: 0, Committed: 1, Shipped: 0, Damaged: 0), await scenario.BucketsAsync(Store));
        Assert.Equal(new StockBuckets(Available: 0, Reserved: 0, Committed: 3, Shipped: 0, Damaged: 0), await scenario.BucketsAsync(Depot));

        // The audit trail: the order, each attempt's inputs and plan, the failure, the outcome.
        var rows = await fixture.Ledger.ReadLedgerAsync(LedgerNames.Order(scenario.Tenant, "o-r1"), 1, 100, CancellationToken.None);
        Assert.Equal(
            [OrderLedgerCodec.OrderReceivedType, OrderLedgerCodec.AttemptPlannedType, OrderLedgerCodec.AttemptFailedType, OrderLedgerCodec.AttemptPlannedType, OrderLedgerCodec.OrderDecidedType],
            rows.Select(r => r.Type));
        var first = (AttemptPlanned)OrderLedgerCodec.Deserialize(rows[1].Type, rows[1].Payload);
        var second = (AttemptPlanned)OrderLedgerCodec.Deserialize(rows[3].Type, rows[3].Payload);
        Assert.Contains(first.Offers, o => o is { LocationId: Warehouse, AvailableUnits: 10 });
        Assert.Contains(second.Offers, o => o is { LocationId: Warehouse, AvailableUnits: 0 });
        Assert.DoesNotContain(second.Offers, o => o.LocationId == Far);
    }

    [Fact]
    public async Task Stock_that_keeps_moving_fails_the_order_after_the_allowed_re_solves_holding_nothing()
    {
        var scenario = new OrderScenario(fixture.Client);
        foreach (var location in NorthLocations)
        {
            await scenario.ReceiveAsync(location, 10);
        }
        // Without splits the solver picks the cheapest per unit that has stock: wh-c (300), then st-b (350), then wh-a (400);
        // the rival empties each one right after it is read.
        fixture.Takeover.Arm(scenario.Tenant, OrderScenario.Sku, Depot, Store, Warehouse);

        var decision = await scenario.Order("o-r2").Place(OrderScenario.Northern("o-r2", 4));

        Assert.Equal(OrderStatus.Failed, decision.Status);
        Assert.Empty(decision.Allocations);
        Assert.Equal(1 + FulfillmentCluster.ResolveAttempts, decision.Attempts.Count);
        Assert.Equal([Depot, Store, Warehouse], decision.Attempts.Select(a => Assert.Single(a.Allocations).LocationId));
        Assert.All(decision.Attempts, a => Assert.Contains("units requested but only 0 available", a.Reason));
        Assert.Contains($"{1 + FulfillmentCluster.ResolveAttempts} attempts", decision.Reason);
        foreach (var location in NorthLocations)
        {
            // Only the rival's 10 are held: every unit the order reserved was released.
            Assert.Equal(new StockBuckets(Available: 0, Reserved: 10, Committed: 0, Shipped: 0, Damaged: 0), await scenario.BucketsAsync(location));
        }
    }
}
