using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Actors.Fulfillment;

namespace Actors.Benchmarks;

/// <summary>
/// <c>fulfillment</c>: p50/p99 decision time of the order router at the production budget, and the gap of its objective
/// to the same instance solved with a long budget in the same run. Targets (issue 5): p99 &lt;= 50 ms, median gap &lt;= 1 %.
/// </summary>
internal static class FulfillmentCommand
{
    public static int Run(string[] args)
    {
        FulfillmentArguments arguments;
        try
        {
            arguments = FulfillmentArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var outcomes = new FulfillmentBenchmark(arguments).Run(message => Console.Error.WriteLine(message));
        var times = new LatencyRecorder();
        foreach (var outcome in outcomes)
        {
            times.Add(outcome.Production.Elapsed.TotalMilliseconds);
        }
        var comparable = outcomes.Where(o => o.Comparable).ToList();
        var gaps = comparable.Select(o => o.GapPercent).ToList();
        var summary = new
        {
            orders = outcomes.Count,
            locations = arguments.Locations,
            regions = FulfillmentInstanceGenerator.Regions.Length,
            seed = arguments.Seed,
            budgetMs = arguments.BudgetMs,
            referenceMs = arguments.ReferenceMs,
            averageLines = outcomes.Average(o => o.Lines),
            p50Ms = times.Percentile(50),
            p99Ms = times.Percentile(99),
            maxMs = times.Percentile(100),
            status = StatusCounts(outcomes.Select(o => o.Production.Status)),
            referenceStatus = StatusCounts(outcomes.Select(o => o.Reference.Status)),
            compared = comparable.Count,
            skippedInfeasible = outcomes.Count - comparable.Count,
            medianGapPercent = Median.Of(gaps),
            p90GapPercent = NearestRank(gaps, 90),
            worseThanReference = gaps.Count(gap => gap > 0),
            seconds = clock.Elapsed.TotalSeconds,
        };
        if (arguments.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(c,
            "fulfillment: {0} orders (1-10 lines, mean {1:F1}) over {2} locations in {3} regions, seed {4}; budget {5} ms, reference {6} ms; {7:F1} s",
            summary.orders, summary.averageLines, summary.locations, summary.regions, summary.seed, summary.budgetMs, summary.referenceMs, summary.seconds));
        Console.WriteLine("| measure | value | target |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Format(c, "| decision time p50 | {0:F1} ms | |", summary.p50Ms));
        Console.WriteLine(string.Format(c, "| decision time p99 | {0:F1} ms | <= {1} ms |", summary.p99Ms, 50));
        Console.WriteLine(string.Format(c, "| decision time max | {0:F1} ms | |", summary.maxMs));
        Console.WriteLine($"| status at budget (optimal / feasible / heuristic / infeasible) | {Format(summary.status)} | |");
        Console.WriteLine($"| status at reference (optimal / feasible / heuristic / infeasible) | {Format(summary.referenceStatus)} | |");
        Console.WriteLine(string.Format(c, "| objective gap median | {0:F2} % | <= 1 % |", summary.medianGapPercent));
        Console.WriteLine(string.Format(c, "| objective gap p90 | {0:F2} % | |", summary.p90GapPercent));
        Console.WriteLine($"| orders compared (worse than reference) | {summary.compared} ({summary.worseThanReference}) | |");
        Console.WriteLine($"| skipped: infeasible at budget or reference | {summary.skippedInfeasible} | |");
        return 0;
    }

    private static Dictionary<string, int> StatusCounts(IEnumerable<FulfillmentStatus> statuses)
    {
        var counts = Enum.GetValues<FulfillmentStatus>().ToDictionary(status => status.ToString().ToLowerInvariant(), _ => 0);
        foreach (var status in statuses)
        {
            counts[status.ToString().ToLowerInvariant()]++;
        }
        return counts;
    }

    private static string Format(Dictionary<string, int> counts) => string.Join(" / ", counts.Values);

    private static double NearestRank(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
