namespace Actors.Fulfillment;

/// <summary>
/// The fallback when CP-SAT has no answer in time: repeatedly ships from the (line, location) pair with the lowest
/// marginal cost per unit, where opening another location spreads the split penalty over the units it would take.
/// </summary>
internal static class GreedyFulfillment
{
    /// <summary>Fills <paramref name="units"/> per [line, location]; false when some line could not be fully served.</summary>
    public static bool Solve(FulfillmentProblem problem, out int[,] units)
    {
        units = new int[problem.LineCount, problem.LocationCount];
        var remaining = Enumerable.Range(0, problem.LineCount).Select(problem.Quantity).ToArray();
        var stockLeft = (int[,])problem.Stock.Clone();
        var capacityLeft = Enumerable.Range(0, problem.LocationCount).Select(problem.Capacity).ToArray();
        var opened = new bool[problem.LocationCount];
        var openedCount = 0;

        int Take(int line, int location) =>
            Math.Min(remaining[line], Math.Min(stockLeft[problem.LineSku[line], location], capacityLeft[location]));

        double MarginalCost(int line, int location, int take) =>
            problem.UnitCost[line, location]
            + (opened[location] || openedCount == 0 ? 0d : problem.SplitPenalty / (double)take);

        // Ties break on line then location index, so the order of the queue (and the plan) is deterministic.
        var queue = new PriorityQueue<(int Line, int Location), (double Cost, int Line, int Location)>();
        void Offer(int line, int location)
        {
            var take = Take(line, location);
            if (take > 0)
            {
                queue.Enqueue((line, location), (MarginalCost(line, location, take), line, location));
            }
        }

        for (var l = 0; l < problem.LineCount; l++)
        {
            for (var j = 0; j < problem.LocationCount; j++)
            {
                Offer(l, j);
            }
        }

        while (queue.TryDequeue(out var pair, out var priority))
        {
            var take = Take(pair.Line, pair.Location);
            if (take == 0)
            {
                continue;
            }
            // Costs only rise while a pair waits (less stock or capacity to spread the penalty over, or the first
            // location opened); a pair whose cost rose goes back in at its current cost instead of jumping the queue.
            var current = MarginalCost(pair.Line, pair.Location, take);
            if (current > priority.Cost)
            {
                queue.Enqueue(pair, (current, pair.Line, pair.Location));
                continue;
            }

            units[pair.Line, pair.Location] += take;
            remaining[pair.Line] -= take;
            stockLeft[problem.LineSku[pair.Line], pair.Location] -= take;
            capacityLeft[pair.Location] -= take;
            if (!opened[pair.Location])
            {
                opened[pair.Location] = true;
                openedCount++;
                // Opening a location makes its other pairs cheaper: queue them again at the lower cost.
                for (var l = 0; l < problem.LineCount; l++)
                {
                    if (l != pair.Line)
                    {
                        Offer(l, pair.Location);
                    }
                }
            }
        }
        return remaining.All(left => left == 0);
    }
}
