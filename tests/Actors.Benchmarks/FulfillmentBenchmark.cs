using Actors.Fulfillment;

namespace Actors.Benchmarks;

/// <summary>
/// Decision time and solution quality of <see cref="FulfillmentSolver"/>: every generated order is solved with the
/// production budget, then the same instance with the long reference budget, whose objective is the yardstick for the gap.
/// Orders run one after another so that each decision has the machine to itself, as a grain turn would.
/// </summary>
internal sealed class FulfillmentBenchmark(FulfillmentArguments arguments)
{
    public IReadOnlyList<FulfillmentOutcome> Run(Action<string> progress)
    {
        var generator = new FulfillmentInstanceGenerator(arguments.Seed);
        var network = generator.Network(arguments.Locations);
        var budget = TimeSpan.FromMilliseconds(arguments.BudgetMs);
        var reference = TimeSpan.FromMilliseconds(arguments.ReferenceMs);
        var instances = Enumerable.Range(1, arguments.Orders).Select(generator.Order).ToList();

        // The first CP-SAT call loads the native library and JIT-compiles the model builder; a grain pays that once
        // per silo, not per order, so it stays out of the figures.
        var warmup = instances[0];
        FulfillmentSolver.Solve(warmup.Order, network, warmup.Offers, budget);

        var outcomes = new List<FulfillmentOutcome>(instances.Count);
        foreach (var instance in instances)
        {
            var production = FulfillmentSolver.Solve(instance.Order, network, instance.Offers, budget);
            var best = FulfillmentSolver.Solve(instance.Order, network, instance.Offers, reference);
            outcomes.Add(new FulfillmentOutcome(instance.Order.Lines.Count, production, best));
            if (outcomes.Count % 50 == 0)
            {
                progress($"{outcomes.Count}/{instances.Count} orders decided");
            }
        }
        return outcomes;
    }
}
