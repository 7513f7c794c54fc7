using System.Diagnostics.Metrics;

namespace Actors.Grains.Telemetry;

/// <summary>
/// The detectors' instruments on the <c>Actors</c> meter: telemetry processed, detections by rule, and detection latency
/// (telemetry enqueued on the bulk lane to its alert enqueued on the critical lane: the number the lanes exist to keep small).
/// </summary>
public static class DetectionInstruments
{
    /// <summary>Name of the telemetry counter, tagged <c>type</c> and <see cref="OutcomeTag"/>.</summary>
    public const string TelemetryName = "actors.detection.telemetry";

    /// <summary>Name of the detections counter, tagged <see cref="RuleTag"/>.</summary>
    public const string DetectionsName = "actors.detection.detections";

    /// <summary>Name of the detection latency histogram (ms), tagged <see cref="RuleTag"/>.</summary>
    public const string LatencyName = "actors.detection.latency";

    /// <summary>Name of the counter of alerts the ingress refused for good, tagged <see cref="RuleTag"/>.</summary>
    public const string RefusedName = "actors.detection.alerts.refused";

    /// <summary>The tag naming the rule.</summary>
    public const string RuleTag = "rule";

    /// <summary>The tag saying what a telemetry event did.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>At least one rule counted the event.</summary>
    public const string Counted = "counted";

    /// <summary>A redelivery: every matching rule had counted it already.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>No rule counts it (or it came too late for its window).</summary>
    public const string Unmatched = "unmatched";

    /// <summary>Malformed: parked in the bulk lane's dead-letter queue.</summary>
    public const string Invalid = "invalid";

    private static readonly Meter Meter = new("Actors");

    private static readonly Counter<long> Telemetry =
        Meter.CreateCounter<long>(TelemetryName, unit: "{event}", description: "Telemetry events delivered to detectors, by type and outcome.");

    private static readonly Counter<long> Detections =
        Meter.CreateCounter<long>(DetectionsName, unit: "{detection}", description: "Detection rules that fired and raised an alert, by rule.");

    private static readonly Histogram<double> Latency =
        Meter.CreateHistogram<double>(LatencyName, unit: "ms", description: "From the telemetry event that completed a detection entering the bulk lane to its alert enqueued on the critical lane.");

    private static readonly Counter<long> Refused =
        Meter.CreateCounter<long>(RefusedName, unit: "{alert}", description: "Alerts the ingress refused for good (dropped and logged), by rule.");

    /// <summary>Counts one telemetry delivery of <paramref name="type"/> that ended with <paramref name="outcome"/>.</summary>
    public static void TelemetryProcessed(string type, string outcome) =>
        Telemetry.Add(1, new KeyValuePair<string, object?>("type", type), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    /// <summary>Counts one alert of <paramref name="rule"/> published, <paramref name="latency"/> after its telemetry was enqueued (when known).</summary>
    public static void AlertPublished(string rule, TimeSpan? latency)
    {
        var tag = new KeyValuePair<string, object?>(RuleTag, rule);
        Detections.Add(1, tag);
        if (latency is { } elapsed)
        {
            Latency.Record(elapsed.TotalMilliseconds, tag);
        }
    }

    /// <summary>Counts one alert of <paramref name="rule"/> the ingress refused.</summary>
    public static void AlertRefused(string rule) => Refused.Add(1, new KeyValuePair<string, object?>(RuleTag, rule));
}
