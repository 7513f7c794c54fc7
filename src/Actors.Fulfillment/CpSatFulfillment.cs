using System.Globalization;
using Google.OrTools.Sat;

namespace Actors.Fulfillment;

/// <summary>Solves a <see cref="FulfillmentProblem"/> exactly with CP-SAT, within a wall-clock limit.</summary>
internal static class CpSatFulfillment
{
    // One worker and a fixed seed make the search reproducible: the same input explores the same tree.
    private const int Seed = 17;

    /// <summary>
    /// Builds and solves the model. <paramref name="units"/> holds units per [line, location] when the status is
    /// <see cref="CpSolverStatus.Optimal"/> or <see cref="CpSolverStatus.Feasible"/>.
    /// </summary>
    public static CpSolverStatus Solve(FulfillmentProblem problem, TimeSpan timeLimit, out int[,] units)
    {
        var model = new CpModel();
        var x = new IntVar?[problem.LineCount, problem.LocationCount];
        var objective = LinearExpr.NewBuilder();
        var used = new List<BoolVar>();

        for (var j = 0; j < problem.LocationCount; j++)
        {
            var atLocation = LinearExpr.NewBuilder();
            var any = false;
            var y = model.NewBoolVar($"use_{j}");
            for (var l = 0; l < problem.LineCount; l++)
            {
                var bound = problem.UpperBound(l, j);
                if (bound == 0)
                {
                    continue;
                }
                var cell = model.NewIntVar(0, bound, $"x_{l}_{j}");
                x[l, j] = cell;
                // Units only flow from a location that is counted as used, so the split penalty cannot be dodged.
                model.Add(cell <= bound * y);
                atLocation.Add(cell);
                objective.AddTerm(cell, problem.UnitCost[l, j]);
                any = true;
            }
            if (!any)
            {
                model.Add(y == 0);
                continue;
            }
            model.AddLinearConstraint(atLocation, 0, problem.Capacity(j));
            used.Add(y);
            objective.AddTerm(y, problem.SplitPenalty);
        }

        // Lines that share a SKU share its stock at each location.
        for (var s = 0; s < problem.SkuCount; s++)
        {
            for (var j = 0; j < problem.LocationCount; j++)
            {
                var ofSku = Enumerable.Range(0, problem.LineCount)
                    .Where(l => problem.LineSku[l] == s && x[l, j] is not null)
                    .Select(l => (LinearExpr)x[l, j]!)
                    .ToList();
                if (ofSku.Count > 1)
                {
                    model.AddLinearConstraint(LinearExpr.Sum(ofSku), 0, problem.Stock[s, j]);
                }
            }
        }

        for (var l = 0; l < problem.LineCount; l++)
        {
            var line = l;
            var cells = Enumerable.Range(0, problem.LocationCount)
                .Where(j => x[line, j] is not null)
                .Select(j => (LinearExpr)x[line, j]!)
                .ToList();
            model.AddLinearConstraint(LinearExpr.Sum(cells), problem.Quantity(l), problem.Quantity(l));
        }

        // The first location ships for free; only extra ones are splits.
        objective.Add(-problem.SplitPenalty);
        model.Minimize(objective);

        using var solver = new CpSolver();
        var seconds = Math.Max(timeLimit.TotalSeconds, 0.001).ToString("0.######", CultureInfo.InvariantCulture);
        // catch_sigint_signal: CP-SAT otherwise installs its own SIGINT handler and leaves it behind, so Ctrl-C (or a
        // rolling restart's SIGINT) killed the silo with exit 130 instead of letting .NET shut it down gracefully.
        solver.StringParameters = $"max_time_in_seconds:{seconds} num_workers:1 random_seed:{Seed} log_search_progress:false catch_sigint_signal:false";
        var status = solver.Solve(model);

        units = new int[problem.LineCount, problem.LocationCount];
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            for (var l = 0; l < problem.LineCount; l++)
            {
                for (var j = 0; j < problem.LocationCount; j++)
                {
                    units[l, j] = x[l, j] is { } cell ? checked((int)solver.Value(cell)) : 0;
                }
            }
        }
        return status;
    }
}
