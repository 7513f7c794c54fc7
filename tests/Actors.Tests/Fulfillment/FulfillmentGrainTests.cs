using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Fulfillment;
using Actors.Contracts.Inventory;
using Actors.Domain;
using Actors.Grains.Fulfillment;
using Actors.Ledger;
using static Actors.Tests.Fulfillment.TestNetwork;

namespace Actors.Tests.Fulfillment;

public sealed class FulfillmentGrainTests(SolverBudgetFixture fixture) : IClassFixture<SolverBudgetFixture>
{
    private const int Promise = 2;

    /// <summary>Shipping plus lateness per unit, for an order promised in <see cref="Promise"/> days.</summary>
    private static long PerUnit(long cost, int transitDays) => cost + LatenessPerUnitDay * Math.Max(0, transitDays - Promise);

    [Fact]
    public async Task An_order_is_placed_at_the_hand_computed_optimum_and_its_units_are_committed()
    {
        var scenario = new OrderScenario(fixture.Client);
        await scenario.ReceiveAsync(Warehouse, 10);
        await scenario.ReceiveAsync(Store, 2);
        await scenario.ReceiveAsync(Depot, 3);

        // 4 units. Per unit: wh-a 400 (on time), st-b 250 + 1 day late = 350, wh-c 300 (on time). Only wh-a holds 4 alone:
        // 4 x 400 = 1600. Any split pays 500 more; the cheapest split is wh-c 3 + st-b 1 = 900 + 350 + 500 = 1750.
        var single = 4 * PerUnit(WarehouseCost, WarehouseDays);
        var cheapestSplit = 3 * PerUnit(DepotCost, DepotDays) + 1 * PerUnit(StoreCost, StoreDays) + SplitPenalty;
        Assert.Equal((1600, 1750), (single, cheapestSplit));

        var decision = await scenario.Order("o-1").Place(OrderScenario.Northern("o-1", 4));

        Assert.Equal((OrderStatus.Placed, DecisionStatus.Optimal, single, false, (string?)null),
            (decision.Status, decision.SolverStatus, decision.Objective, decision.Duplicate, decision.Reason));
        Assert.Equal((scenario.Tenant, "o-1"), (decision.Tenant, decision.OrderId));
        Assert.Equal([new OrderAllocation(0, OrderScenario.Sku, Warehouse, 4, "o-1.1.0.wh-a")], decision.Allocations);
        var attempt = Assert.Single(decision.Attempts);
        Assert.Equal((1, DecisionStatus.Optimal, single), (attempt.Attempt, attempt.Status, attempt.Objective));
        Assert.Equal(new StockBuckets(Available: 6, Reserved: 0, Committed: 4, Shipped: 0, Damaged: 0), await scenario.BucketsAsync(Warehouse));
        Assert.Equal(new StockBuckets(2, 0, 0, 0, 0), await scenario.BucketsAsync(Store));
        Assert.Equal(new StockBuckets(3, 0, 0, 0, 0), await scenario.BucketsAsync(Depot));
    }

    [Fact]
    public async Task Placing_the_same_order_again_answers_the_recorded_decision_without_reserving_again()
    {
        var scenario = new OrderScenario(fixture.Client);
        await scenario.ReceiveAsync(Warehouse, 10);
        await scenario.ReceiveAsync(Depot, 3);
        var order = scenario.Order("o-2");
        var placed = await order.Place(OrderScenario.Northern("o-2", 4));
        var versions = await VersionsAsync(scenario);

        var repeated = await order.Place(OrderScenario.Northern("o-2", 4));

        Assert.True(repeated.Duplicate);
        AssertSameDecision(placed, repeated);
        Assert.Equal(versions, await VersionsAsync(scenario));
        Assert.Equal(new StockBuckets(Available: 6, Reserved: 0, Committed: 4, Shipped: 0, Damaged: 0), await scenario.BucketsAsync(Warehouse));

        // A fresh activation rebuilds the same decision from the order's ledger.
        await fixture.Cluster.DeactivateAsync(order);
        var replayed = await order.Get();
        Assert.NotNull(replayed);
        Assert.False(replayed.Duplicate);
        AssertSameDecision(placed, replayed);
        var again = await order.Place(OrderScenario.Northern("o-2", 4));
        Assert.True(again.Duplicate);
        Assert.Equal(versions, await VersionsAsync(scenario));
    }

    [Fact]
    public async Task A_shortage_fails_the_order_with_a_reason_and_holds_nothing()
    {
        var scenario = new OrderScenario(fixture.Client);
        await scenario.ReceiveAsync(Warehouse, 1);
        await scenario.ReceiveAsync(Store, 1);
        await scenario.ReceiveAsync(Depot, 1);
        await scenario.ReceiveAsync(Far, 10); // ships south only: must not count for a northern order

        var decision = await scenario.Order("o-3").Place(OrderScenario.Northern("o-3", 5));

        Assert.Equal((OrderStatus.Failed, DecisionStatus.Infeasible), (decision.Status, decision.SolverStatus));
        Assert.Empty(decision.Allocations);
        Assert.NotNull(decision.Reason);
        Assert.Contains("needs 5 units", decision.Reason);
        Assert.Contains("only 3", decision.Reason);
        var attempt = Assert.Single(decision.Attempts);
        Assert.Equal(DecisionStatus.Infeasible, attempt.Status);
        foreach (var location in NorthLocations)
        {
            Assert.Equal(new StockBuckets(1, 0, 0, 0, 0), await scenario.BucketsAsync(location));
        }
        Assert.Equal(decision.Reason, (await scenario.Order("o-3").Get())?.Reason);
    }

    [Fact]
    public async Task Reusing_an_order_id_for_other_content_is_a_conflict_and_changes_nothing()
    {
        var scenario = new OrderScenario(fixture.Client);
        await scenario.ReceiveAsync(Warehouse, 10);
        var order = scenario.Order("o-4");
        var placed = await order.Place(OrderScenario.Northern("o-4", 2));
        var versions = await VersionsAsync(scenario);

        await Assert.ThrowsAsync<ConflictException>(() => order.Place(OrderScenario.Northern("o-4", 3)));
        await Assert.ThrowsAsync<ConflictException>(() => order.Place(OrderScenario.Northern("o-4", 2, promiseDays: 5)));
        await Assert.ThrowsAsync<ConflictException>(() => order.Place(new PlaceOrder("o-4", Region, Promise,
            [new PlaceOrderLine(OrderScenario.Sku, 1), new PlaceOrderLine(OrderScenario.Sku, 1)])));

        Assert.Equal(versions, await VersionsAsync(scenario));
        AssertSameDecision(placed, (await order.Get())!);
    }

    [Fact]
    public async Task Invalid_orders_are_rejected_naming_the_field_with_nothing_on_the_ledger()
    {
        var scenario = new OrderScenario(fixture.Client);
        await scenario.ReceiveAsync(Warehouse, 10);
        (string Key, PlaceOrder Order, string Field)[] cases =
        [
            ("bad-1", new PlaceOrder("bad-1", Region, Promise, []), "lines"),
            ("bad-2", new PlaceOrder("bad-2", Region, Promise, [new PlaceOrderLine(OrderScenario.Sku, 0)]), "lines[0].quantity"),
            ("bad-3", new PlaceOrder("bad-3", Region, Promise, [new PlaceOrderLine(OrderScenario.Sku, 1), new PlaceOrderLine("sku 2", 1)]), "lines[1].sku"),
            ("bad-4", new PlaceOrder("bad-4", Region, Promise, [new PlaceOrderLine("sku@wh-a", 1)]), "lines[0].sku"),
            ("bad-5", new PlaceOrder("bad-5", "mars", Promise, [new PlaceOrderLine(OrderScenario.Sku, 1)]), "region 'mars'"),
            ("bad-6", new PlaceOrder("bad-6", Region, -1, [new PlaceOrderLine(OrderScenario.Sku, 1)]), "promiseDays"),
            ("bad-7", new PlaceOrder("other-order", Region, Promise, [new PlaceOrderLine(OrderScenario.Sku, 1)]), "orderId"),
        ];
        var versions = await VersionsAsync(scenario);

        foreach (var (key, order, field) in cases)
        {
            var grain = scenario.Order(key);
            var error = await Assert.ThrowsAsync<InvalidEventException>(() => grain.Place(order));
            Assert.Contains(field, error.Message);
            Assert.Empty(await fixture.Ledger.ReadLedgerAsync(LedgerNames.Order(scenario.Tenant, key), 1, 10, CancellationToken.None));
            Assert.Null(await grain.Get());
        }
        Assert.Equal(versions, await VersionsAsync(scenario));
    }

    [Fact]
    public async Task A_placement_that_crashed_after_recording_its_plan_re_drives_that_plan_instead_of_solving_again()
    {
        var scenario = new OrderScenario(fixture.Client);
        await scenario.ReceiveAsync(Warehouse, 10);
        await scenario.ReceiveAsync(Store, 2);
        await scenario.ReceiveAsync(Depot, 3);
        var placeOrder = OrderScenario.Northern("o-5", 4);
        // What a placement leaves when it crashes after its first reservation: the order, a recorded plan (here not the
        // optimum, so a fresh solve would be told apart), and one of the plan's units already held.
        IReadOnlyList<OrderAllocation> planned =
        [
            new(0, OrderScenario.Sku, Store, 1, "o-5.1.0.st-b"),
            new(0, OrderScenario.Sku, Depot, 3, "o-5.1.0.wh-c"),
        ];
        var ledger = LedgerNames.Order(scenario.Tenant, "o-5");
        await PlantAsync(ledger, scenario.Tenant, 1, new OrderReceived(placeOrder));
        await PlantAsync(ledger, scenario.Tenant, 2, new AttemptPlanned(1, DecisionStatus.Optimal, 1750, 1250, 0, 500,
            TimeSpan.FromMilliseconds(3), [], planned, null));
        await scenario.Stock(Depot).Reserve("o-5.1.0.wh-c", 3, TimeSpan.FromMinutes(15));

        var decision = await scenario.Order("o-5").Place(placeOrder);

        Assert.Equal((OrderStatus.Placed, 1750L, false), (decision.Status, decision.Objective, decision.Duplicate));
        Assert.Equal(planned, decision.Allocations);
        Assert.Single(decision.Attempts);
        Assert.Equal(new StockBuckets(Available: 0, Reserved: 0, Committed: 3, Shipped: 0, Damaged: 0), await scenario.BucketsAsync(Depot));
        Assert.Equal(new StockBuckets(Available: 1, Reserved: 0, Committed: 1, Shipped: 0, Damaged: 0), await scenario.BucketsAsync(Store));
        Assert.Equal(new StockBuckets(10, 0, 0, 0, 0), await scenario.BucketsAsync(Warehouse));
    }

    private async Task PlantAsync(string ledger, string tenant, long position, OrderLedgerEvent entry)
    {
        var (source, seq) = OrderLedgerCodec.KeyOf(entry);
        var result = await fixture.LedgerWriter.AppendAsync(new LedgerAppend(ledger, tenant, position, source, seq,
            OrderLedgerCodec.TypeOf(entry), DateTimeOffset.UtcNow, OrderLedgerCodec.Serialize(entry)), CancellationToken.None);
        Assert.Equal(AppendStatus.Appended, result.Status);
    }

    private static async Task<long[]> VersionsAsync(OrderScenario scenario) =>
        await Task.WhenAll(NorthLocations.Select(async location => (await scenario.Stock(location).GetSnapshot()).Version));

    internal static void AssertSameDecision(OrderDecision expected, OrderDecision actual)
    {
        Assert.Equal((expected.Tenant, expected.OrderId, expected.Status, expected.SolverStatus, expected.Objective, expected.SolveTime, expected.Reason, expected.DecidedAt),
            (actual.Tenant, actual.OrderId, actual.Status, actual.SolverStatus, actual.Objective, actual.SolveTime, actual.Reason, actual.DecidedAt));
        Assert.Equal(expected.Allocations, actual.Allocations);
        Assert.Equal(expected.Attempts.Count, actual.Attempts.Count);
        foreach (var (e, a) in expected.Attempts.Zip(actual.Attempts))
        {
            Assert.Equal((e.Attempt, e.Status, e.Objective, e.SolveTime, e.Reason), (a.Attempt, a.Status, a.Objective, a.SolveTime, a.Reason));
            Assert.Equal(e.Allocations, a.Allocations);
        }
    }
}
