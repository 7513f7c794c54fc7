namespace Actors.Domain.Detection;

/// <summary>One counted event in a group's window: its key (for dedup), time, counted value and who/where (for the alert).</summary>
public readonly record struct TelemetryHit(string Source, long Seq, DateTimeOffset OccurredAt, string Value, string? Principal, string? Host)
{
    /// <summary>The hit of <paramref name="telemetry"/> under <paramref name="rule"/>: the value counted is the distinct field's, or the event's own key.</summary>
    public static TelemetryHit Of(DetectionRule rule, TelemetryEvent telemetry) =>
        new(telemetry.Source, telemetry.Seq, telemetry.OccurredAt,
            rule.Distinct is { } field ? telemetry.Field(field) ?? "" : $"{telemetry.Source}#{telemetry.Seq}",
            telemetry.Principal, telemetry.Host);
}
