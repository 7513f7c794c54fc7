using System.Diagnostics.Metrics;

namespace Actors.Grains.Telemetry;

/// <summary>Order fulfillment's instruments on the <c>Actors</c> meter.</summary>
public static class FulfillmentInstruments
{
    private static readonly Meter Meter = new("Actors");

    /// <summary>Wall time of each routing decision, tagged by solver status (optimal, feasible, heuristic, infeasible).</summary>
    public static readonly Histogram<double> DecisionTime =
        Meter.CreateHistogram<double>("actors.fulfillment.decision.time", unit: "ms", description: "Time spent deciding where an order ships from, by solver status.");

    /// <summary>Routing decisions, tagged by solver status.</summary>
    public static readonly Counter<long> Decisions =
        Meter.CreateCounter<long>("actors.fulfillment.decisions", description: "Routing decisions made, by solver status.");

    /// <summary>Orders decided, tagged by outcome (placed, failed). Repeats of a decided order are not counted again.</summary>
    public static readonly Counter<long> Orders =
        Meter.CreateCounter<long>("actors.fulfillment.orders", description: "Orders decided, by outcome (placed or failed).");

    /// <summary>Re-solves after a reservation was refused because stock moved between the read and the reservation.</summary>
    public static readonly Counter<long> Resolves =
        Meter.CreateCounter<long>("actors.fulfillment.resolves", description: "Orders solved again with fresh stock after stock moved between solve and reserve.");
}
