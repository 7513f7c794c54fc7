namespace Actors.Cli.Demo;

/// <summary>What a telemetry-flood run measured: the planted attacks' detection latency, the critical lane's latency, the telemetry sent.</summary>
public sealed record TelemetryFloodResult(IReadOnlyList<TelemetryFloodAttack> Attacks, LaneFloodResult Critical, int TelemetrySent, TimeSpan Duration)
{
    /// <summary>Whether every planted attack opened a case that a client saw.</summary>
    public bool AllDetected => Attacks.All(a => a.Detected);

    /// <summary>Telemetry events published per second of the run.</summary>
    public double TelemetryPerSecond => TelemetrySent / Math.Max(0.001, Duration.TotalSeconds);

    /// <summary>The <paramref name="p"/>th percentile of the detected attacks' latency in milliseconds; NaN when none was detected.</summary>
    public double DetectionPercentile(double p)
    {
        var sorted = Attacks.Where(a => a.Detected).Select(a => a.Milliseconds!.Value).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
