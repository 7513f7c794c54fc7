using Actors.Fulfillment;
using static Actors.Domain.Tests.Fulfillment.SampleNetwork;

namespace Actors.Domain.Tests.Fulfillment;

public sealed class FulfillmentSolverTests
{
    // Generous, so hand-computed instances always reach proven optimality; they finish in milliseconds.
    private static readonly TimeSpan Ample = TimeSpan.FromSeconds(5);

    [Fact]
    public void Ships_everything_from_the_cheapest_location()
    {
        var network = Of(0, 0, Location("A", 5, 2), Location("B", 3, 2));
        var order = Order(3, Line("S", 4));
        StockOffer[] offers = [Stock("A", "S", 10), Stock("B", "S", 10)];

        var plan = FulfillmentSolver.Solve(order, network, offers, Ample);

        Assert.Equal(FulfillmentStatus.Optimal, plan.Status);
        Assert.Equal([new FulfillmentAllocation(0, "S", "B", 4)], plan.Allocations);
        Assert.Equal(4 * 3, plan.Objective);
        Assert.Null(plan.Reason);
        PlanInvariants.AssertValid(plan, order, network, offers);
    }

    // P and Q are both at A (10 per unit); only Q is at B (4 per unit).
    // One shipment from A: 4 units * 10 = 40. Split, P from A and Q from B: 2*10 + 2*4 = 28, plus the split penalty.
    [Theory]
    [InlineData(5, true, 33)]
    [InlineData(15, false, 40)]
    public void Splits_only_when_the_saving_beats_the_split_penalty(long splitPenalty, bool splits, long expectedObjective)
    {
        var network = Of(0, splitPenalty, Location("A", 10, 1), Location("B", 4, 1));
        var order = Order(3, Line("P", 2), Line("Q", 2));
        StockOffer[] offers = [Stock("A", "P", 2), Stock("A", "Q", 2), Stock("B", "Q", 2)];

        var plan = FulfillmentSolver.Solve(order, network, offers, Ample);

        Assert.Equal(FulfillmentStatus.Optimal, plan.Status);
        Assert.Equal(expectedObjective, plan.Objective);
        FulfillmentAllocation[] expected = splits
            ? [new(0, "P", "A", 2), new(1, "Q", "B", 2)]
            : [new(0, "P", "A", 2), new(1, "Q", "A", 2)];
        Assert.Equal(expected, plan.Allocations);
        Assert.Equal(splits ? splitPenalty : 0, plan.Cost.Split);
        PlanInvariants.AssertValid(plan, order, network, offers);
    }

    // Promise 3 days. A: 3 per unit, 5 days (2 late) -> 2 units cost 6 + 2*2*W. B: 8 per unit, 2 days -> 16.
    // W = 1: A costs 10 < 16. W = 3: A costs 18 > 16.
    [Theory]
    [InlineData(1, "A", 10, 4)]
    [InlineData(3, "B", 16, 0)]
    public void Weighs_lateness_against_shipping_cost(long latenessPerUnitDay, string chosen, long expectedObjective, long expectedLateness)
    {
        var network = Of(latenessPerUnitDay, 100, Location("A", 3, 5), Location("B", 8, 2));
        var order = Order(3, Line("S", 2));
        StockOffer[] offers = [Stock("A", "S", 5), Stock("B", "S", 5)];

        var plan = FulfillmentSolver.Solve(order, network, offers, Ample);

        Assert.Equal(FulfillmentStatus.Optimal, plan.Status);
        Assert.Equal([new FulfillmentAllocation(0, "S", chosen, 2)], plan.Allocations);
        Assert.Equal(expectedObjective, plan.Objective);
        Assert.Equal(expectedLateness, plan.Cost.Lateness);
    }

    // A is cheapest (1) but handles 3 units; the rest comes from B (2). 3*1 + 2*2 + split 1 = 8, against 10 all from B.
    [Fact]
    public void Handling_capacity_caps_a_location_and_the_rest_ships_elsewhere()
    {
        var network = Of(0, 1, Location("A", 1, 1, capacity: 3), Location("B", 2, 1));
        var order = Order(3, Line("S", 5));
        StockOffer[] offers = [Stock("A", "S", 10), Stock("B", "S", 10)];

        var plan = FulfillmentSolver.Solve(order, network, offers, Ample);

        Assert.Equal(FulfillmentStatus.Optimal, plan.Status);
        Assert.Equal([new FulfillmentAllocation(0, "S", "A", 3), new FulfillmentAllocation(0, "S", "B", 2)], plan.Allocations);
        Assert.Equal(8, plan.Objective);
    }

    // Capacity is per location across lines: A (1 per unit) can handle 3 of the 4 units, B (5 per unit) takes one. 3 + 5 = 8.
    [Fact]
    public void Handling_capacity_is_shared_by_all_lines_at_a_location()
    {
        var network = Of(0, 0, Location("A", 1, 1, capacity: 3), Location("B", 5, 1));
        var order = Order(3, Line("P", 2), Line("Q", 2));
        StockOffer[] offers = [Stock("A", "P", 5), Stock("A", "Q", 5), Stock("B", "P", 5), Stock("B", "Q", 5)];

        var plan = FulfillmentSolver.Solve(order, network, offers, Ample);

        Assert.Equal(FulfillmentStatus.Optimal, plan.Status);
        Assert.Equal(8, plan.Objective);
        Assert.Equal(3, plan.Allocations.Where(a => a.LocationId == "A").Sum(a => a.Quantity));
        PlanInvariants.AssertValid(plan, order, network, offers);
    }

    // Two lines of the same SKU (3 + 3) share A's 4 units (1 per unit); B (2 per unit) ships the other 2. 4 + 4 = 8.
    [Fact]
    public void Lines_of_the_same_sku_share_a_locations_stock()
    {
        var network = Of(0, 0, Location("A", 1, 1), Location("B", 2, 1));
        var order = Order(3, Line("S", 3), Line("S", 3));
        StockOffer[] offers = [Stock("A", "S", 4), Stock("B", "S", 10)];

        var plan = FulfillmentSolver.Solve(order, network, offers, Ample);

        Assert.Equal(FulfillmentStatus.Optimal, plan.Status);
        Assert.Equal(8, plan.Objective);
        Assert.Equal(4, plan.Allocations.Where(a => a.LocationId == "A").Sum(a => a.Quantity));
        PlanInvariants.AssertValid(plan, order, network, offers);
    }

    [Fact]
    public void Short_stock_is_infeasible_with_the_shortfall_named()
    {
        // C holds plenty but does not ship to the order's region, so it does not count.
        var c = new FulfillmentLocation("C", LocationKind.Store, [new ShippingLane("south", 1, 1)], 100);
        var network = Of(0, 0, Location("A", 1, 1), Location("B", 1, 1), c);
        var order = Order(3, Line("S", 5));
        StockOffer[] offers = [Stock("A", "S", 2), Stock("B", "S", 2), Stock("C", "S", 50)];

        var plan = FulfillmentSolver.Solve(order, network, offers, Ample);

        Assert.Equal(FulfillmentStatus.Infeasible, plan.Status);
        Assert.Empty(plan.Allocations);
        Assert.Equal(0, plan.Objective);
        Assert.NotNull(plan.Reason);
        Assert.Contains("SKU 'S' needs 5 units", plan.Reason);
        Assert.Contains("only 4", plan.Reason);
    }

    [Fact]
    public void Too_little_total_capacity_is_infeasible_with_the_reason()
    {
        var network = Of(0, 0, Location("A", 1, 1, capacity: 2), Location("B", 1, 1, capacity: 2));
        var order = Order(3, Line("P", 3), Line("Q", 2));
        StockOffer[] offers = [Stock("A", "P", 9), Stock("A", "Q", 9), Stock("B", "P", 9), Stock("B", "Q", 9)];

        var plan = FulfillmentSolver.Solve(order, network, offers, Ample);

        Assert.Equal(FulfillmentStatus.Infeasible, plan.Status);
        Assert.Contains("needs 5 units but locations shipping to region 'north' can handle only 4", plan.Reason);
    }

    // Every SKU has enough stock and total capacity suffices, but P and Q exist only at A, which handles 3 of their 4 units.
    [Fact]
    public void A_combination_that_no_plan_can_serve_is_proven_infeasible_by_the_solver()
    {
        var network = Of(0, 0, Location("A", 1, 1, capacity: 3), Location("B", 1, 1));
        var order = Order(3, Line("P", 2), Line("Q", 2), Line("R", 1));
        StockOffer[] offers = [Stock("A", "P", 2), Stock("A", "Q", 2), Stock("B", "R", 1)];

        var plan = FulfillmentSolver.Solve(order, network, offers, Ample);

        Assert.Equal(FulfillmentStatus.Infeasible, plan.Status);
        Assert.Empty(plan.Allocations);
        Assert.Contains("proven by CP-SAT", plan.Reason);
    }

    [Fact]
    public void A_one_millisecond_budget_falls_back_to_the_heuristic_and_still_serves_every_line()
    {
        var network = Of(2, 6,
            Location("A", 4, 1, capacity: 4),
            Location("B", 2, 4, capacity: 6),
            Location("C", 7, 2, capacity: 10),
            Location("D", 1, 6, capacity: 3));
        var order = Order(2, Line("P", 5), Line("Q", 3), Line("R", 4));
        StockOffer[] offers =
        [
            Stock("A", "P", 3), Stock("A", "Q", 3), Stock("B", "P", 4), Stock("B", "R", 2),
            Stock("C", "P", 5), Stock("C", "Q", 1), Stock("C", "R", 5), Stock("D", "R", 3), Stock("D", "Q", 2),
        ];

        var heuristic = FulfillmentSolver.Solve(order, network, offers, TimeSpan.FromMilliseconds(1));
        var optimal = FulfillmentSolver.Solve(order, network, offers, Ample);

        Assert.Equal(FulfillmentStatus.Heuristic, heuristic.Status);
        Assert.Contains("below the solver minimum", heuristic.Reason);
        PlanInvariants.AssertValid(heuristic, order, network, offers);
        Assert.Equal(FulfillmentStatus.Optimal, optimal.Status);
        PlanInvariants.AssertValid(optimal, order, network, offers);
        Assert.True(heuristic.Objective >= optimal.Objective, $"heuristic {heuristic.Objective} beat the proven optimum {optimal.Objective}");
    }

    [Fact]
    public void The_heuristic_finds_the_obvious_single_location_plan()
    {
        var network = Of(0, 50, Location("A", 5, 2), Location("B", 3, 2));
        var order = Order(3, Line("S", 4), Line("T", 1));
        StockOffer[] offers = [Stock("A", "S", 10), Stock("A", "T", 10), Stock("B", "S", 10), Stock("B", "T", 10)];

        var plan = FulfillmentSolver.Solve(order, network, offers, TimeSpan.FromMilliseconds(1));

        Assert.Equal(FulfillmentStatus.Heuristic, plan.Status);
        Assert.Equal([new FulfillmentAllocation(0, "S", "B", 4), new FulfillmentAllocation(1, "T", "B", 1)], plan.Allocations);
        Assert.Equal(15, plan.Objective);
    }

    [Fact]
    public void The_same_input_gives_the_same_plan_whatever_the_order_of_locations_and_offers()
    {
        var locations = new[]
        {
            Location("A", 4, 1, capacity: 5), Location("B", 4, 1, capacity: 5), Location("C", 4, 1, capacity: 5),
        };
        var order = Order(3, Line("P", 4), Line("Q", 4));
        StockOffer[] offers =
        [
            Stock("A", "P", 4), Stock("A", "Q", 4), Stock("B", "P", 4), Stock("B", "Q", 4), Stock("C", "P", 4), Stock("C", "Q", 4),
        ];
        var network = Of(0, 3, locations);
        var shuffled = Of(0, 3, [.. locations.Reverse()]);

        foreach (var budget in new[] { Ample, TimeSpan.FromMilliseconds(1) })
        {
            var first = FulfillmentSolver.Solve(order, network, offers, budget);
            var again = FulfillmentSolver.Solve(order, network, offers, budget);
            var reordered = FulfillmentSolver.Solve(order, shuffled, [.. offers.Reverse()], budget);

            PlanInvariants.AssertValid(first, order, network, offers);
            Assert.Equal(first.Status, again.Status);
            Assert.Equal(first.Allocations, again.Allocations);
            Assert.Equal(first.Objective, again.Objective);
            Assert.Equal(first.Allocations, reordered.Allocations);
            Assert.Equal(first.Objective, reordered.Objective);
        }
    }

    [Fact]
    public void Malformed_input_is_rejected_with_a_specific_error()
    {
        var network = Of(0, 0, Location("A", 1, 1));

        var zero = Assert.Throws<ArgumentException>(() =>
            FulfillmentSolver.Solve(Order(1, Line("S", 0)), network, [], Ample));
        var unknown = Assert.Throws<ArgumentException>(() =>
            FulfillmentSolver.Solve(Order(1, Line("S", 1)), network, [Stock("Z", "S", 1)], Ample));
        var duplicate = Assert.Throws<ArgumentException>(() =>
            FulfillmentSolver.Solve(Order(1, Line("S", 1)), network, [Stock("A", "S", 1), Stock("A", "S", 2)], Ample));

        Assert.Contains("at least 1", zero.Message);
        Assert.Contains("'Z'", unknown.Message);
        Assert.Contains("Two stock offers", duplicate.Message);
    }
}
