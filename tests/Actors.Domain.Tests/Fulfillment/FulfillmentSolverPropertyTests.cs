using Actors.Fulfillment;
using Xunit.Abstractions;

namespace Actors.Domain.Tests.Fulfillment;

/// <summary>Seeded random instances: whatever the input, both paths give valid plans and agree on what is possible.</summary>
public sealed class FulfillmentSolverPropertyTests(ITestOutputHelper output)
{
    private const int Instances = 60;

    [Fact]
    public void Solver_and_heuristic_plans_are_valid_and_the_heuristic_never_beats_a_proven_optimum()
    {
        var optimalSeen = 0;
        var heuristicSeen = 0;
        for (var seed = 1; seed <= Instances; seed++)
        {
            var (order, network, offers) = RandomInstance(new Random(seed));
            try
            {
                var solved = FulfillmentSolver.Solve(order, network, offers, TimeSpan.FromSeconds(2));
                var heuristic = FulfillmentSolver.Solve(order, network, offers, TimeSpan.Zero);

                if (solved.Status == FulfillmentStatus.Infeasible)
                {
                    // A valid heuristic plan would disprove the solver's infeasibility.
                    Assert.Equal(FulfillmentStatus.Infeasible, heuristic.Status);
                    continue;
                }
                PlanInvariants.AssertValid(solved, order, network, offers);
                if (heuristic.Status == FulfillmentStatus.Heuristic)
                {
                    heuristicSeen++;
                    PlanInvariants.AssertValid(heuristic, order, network, offers);
                }
                if (solved.Status == FulfillmentStatus.Optimal)
                {
                    optimalSeen++;
                    Assert.True(heuristic.Status == FulfillmentStatus.Infeasible || heuristic.Objective >= solved.Objective,
                        $"heuristic {heuristic.Objective} beat the proven optimum {solved.Objective}");
                }
            }
            catch (Exception)
            {
                output.WriteLine($"failing seed: {seed}");
                throw;
            }
        }
        // Guards against a generator that only makes infeasible instances, which would check nothing.
        Assert.True(optimalSeen >= Instances / 2, $"only {optimalSeen} of {Instances} instances were solved to optimality");
        Assert.True(heuristicSeen >= Instances / 2, $"only {heuristicSeen} of {Instances} instances got a heuristic plan");
    }

    private static (OrderRequest, FulfillmentNetwork, IReadOnlyList<StockOffer>) RandomInstance(Random random)
    {
        string[] skus = ["P", "Q", "R", "S"];
        var locations = Enumerable.Range(0, random.Next(2, 7))
            .Select(i => new FulfillmentLocation(
                $"L{i}",
                random.Next(2) == 0 ? LocationKind.Store : LocationKind.Warehouse,
                [new ShippingLane(SampleNetwork.Region, random.Next(1, 20), random.Next(1, 7))],
                random.Next(3, 15)))
            .ToList();
        var lines = Enumerable.Range(0, random.Next(1, 5))
            .Select(_ => new OrderLine(skus[random.Next(skus.Length)], random.Next(1, 6)))
            .ToList();
        var offers = (from location in locations
                      from sku in skus
                      where random.Next(3) > 0
                      select new StockOffer(location.Id, sku, random.Next(0, 8))).ToList();
        var network = new FulfillmentNetwork(locations, new FulfillmentWeights(random.Next(0, 6), random.Next(0, 30)));
        return (new OrderRequest($"order-{random.Next()}", SampleNetwork.Region, random.Next(1, 5), lines), network, offers);
    }
}
