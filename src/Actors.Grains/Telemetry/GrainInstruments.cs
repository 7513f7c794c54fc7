using System.Diagnostics.Metrics;

namespace Actors.Grains.Telemetry;

/// <summary>The entity grains' instruments on the <c>Actors</c> meter.</summary>
public static class GrainInstruments
{
    private static readonly Meter Meter = new("Actors");

    /// <summary>Events recorded for the first time, tagged by entity kind and event type.</summary>
    public static readonly Counter<long> EventsRecorded =
        Meter.CreateCounter<long>("actors.events.recorded", description: "Events appended to a ledger for the first time.");

    /// <summary>Duplicates answered with their original outcome.</summary>
    public static readonly Counter<long> Duplicates =
        Meter.CreateCounter<long>("actors.events.duplicates", description: "Re-deliveries answered with the original outcome, with no second effect.");

    /// <summary>Same key, different payload.</summary>
    public static readonly Counter<long> Conflicts =
        Meter.CreateCounter<long>("actors.events.conflicts", description: "Idempotency keys reused with a different payload (rejected).");

    /// <summary>End-to-end latency of a record call inside the grain, including the ledger commit.</summary>
    public static readonly Histogram<double> RecordDuration =
        Meter.CreateHistogram<double>("actors.events.record.duration", unit: "ms", description: "Time from a record call entering the grain to its durable acknowledgement.");

    /// <summary>Ledger rows replayed when a grain activates (bounded by the snapshot interval).</summary>
    public static readonly Histogram<long> ActivationReplay =
        Meter.CreateHistogram<long>("actors.grain.activation.replayed", description: "Ledger rows replayed after the snapshot on activation.");

    /// <summary>Enqueue (ingress) to effect committed, per lane.</summary>
    public static readonly Histogram<double> EndToEndLatency =
        Meter.CreateHistogram<double>("actors.events.e2e_latency", unit: "ms", description: "From enqueue on a lane to the effect committed on the ledger.");

    /// <summary>Lane events a consumer parked in the lane's DLQ because they can never succeed (invalid, conflicting).</summary>
    public static readonly Counter<long> DeadLettered =
        Meter.CreateCounter<long>("actors.lane.dead_lettered", description: "Lane events parked in the DLQ by their consumer.");
}
