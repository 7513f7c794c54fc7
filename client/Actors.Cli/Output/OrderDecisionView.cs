using System.Globalization;
using Actors.Contracts.Fulfillment;
using Spectre.Console;

namespace Actors.Cli.Output;

/// <summary>How <c>actors orders</c> shows an order's decision: its outcome, where its units come from, and every solve attempt.</summary>
public static class OrderDecisionView
{
    /// <summary>Writes <paramref name="decision"/> as text or JSON.</summary>
    public static void Write(CommandOutput output, OrderDecision decision)
    {
        if (output.IsJson)
        {
            output.WriteJson(decision);
            return;
        }
        output.WriteLine(
            $"order {decision.Tenant}/{decision.OrderId}: {decision.Status.ToString().ToLowerInvariant()}" +
            (decision.Duplicate ? " (already decided: the recorded decision; nothing solved or reserved again)" : ""));
        output.WriteLine($"  solver:     {decision.SolverStatus.ToString().ToLowerInvariant()}, objective {decision.Objective.ToString("N0", CultureInfo.InvariantCulture)}, " +
                         $"{Ms(decision.SolveTime)} ms solving, {decision.Attempts.Count} attempt(s)");
        output.WriteLine($"  decided at: {decision.DecidedAt:O}");
        output.WriteLine($"  duplicate:  {(decision.Duplicate ? "true" : "false")}");
        if (decision.Reason is { } reason)
        {
            output.WriteLine($"  reason:     {reason}");
        }
        if (decision.Allocations.Count > 0)
        {
            var allocations = new Table().AddColumn(new TableColumn("line").RightAligned()).AddColumn("sku").AddColumn("location")
                .AddColumn(new TableColumn("units").RightAligned()).AddColumn("reservation");
            foreach (var a in decision.Allocations)
            {
                allocations.AddRow(a.LineIndex.ToString(CultureInfo.InvariantCulture), Markup.Escape(a.Sku), Markup.Escape(a.LocationId),
                    a.Quantity.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(a.ReservationId));
            }
            output.Console.Write(allocations);
        }
        var attempts = new Table().AddColumn(new TableColumn("attempt").RightAligned()).AddColumn("status")
            .AddColumn(new TableColumn("objective").RightAligned()).AddColumn(new TableColumn("ms").RightAligned()).AddColumn("reason");
        foreach (var attempt in decision.Attempts)
        {
            attempts.AddRow(attempt.Attempt.ToString(CultureInfo.InvariantCulture), attempt.Status.ToString().ToLowerInvariant(),
                attempt.Objective.ToString("N0", CultureInfo.InvariantCulture), Ms(attempt.SolveTime), Markup.Escape(attempt.Reason ?? ""));
        }
        output.Console.Write(attempts);
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
}
