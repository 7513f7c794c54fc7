namespace Actors.Domain.Detection;

/// <summary>
/// A detection rule: among events of <see cref="EventType"/> that meet every <see cref="Match"/>, grouped by the value of
/// <see cref="GroupBy"/>, fire when <see cref="Threshold"/> of them (or, with <see cref="Distinct"/>, that many distinct
/// values of that field) occur within <see cref="Window"/> of event time. A group fires at most once per window: events
/// inside a fired window do not start another.
/// </summary>
/// <param name="Name">The rule's name: part of the alert's source <c>detector:{name}</c>, so it follows the key rules.</param>
/// <param name="EventType">The telemetry type the rule reads.</param>
/// <param name="Match">Conditions every counted event meets (all of them); empty counts every event of the type.</param>
/// <param name="GroupBy"><c>principal</c> or <c>host</c>: the alert's entity.</param>
/// <param name="Distinct">When set, count distinct values of this field instead of events (e.g. ports, for a scan).</param>
/// <param name="Threshold">Events (or distinct values) within the window that make the rule fire; 1 fires on the first.</param>
/// <param name="Window">The span of event time the threshold must be reached within.</param>
/// <param name="Severity"><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</param>
public sealed record DetectionRule(
    string Name,
    string EventType,
    IReadOnlyList<FieldMatch> Match,
    string GroupBy,
    string? Distinct,
    int Threshold,
    TimeSpan Window,
    string Severity)
{
    /// <summary>The severities a rule may carry, lowest first.</summary>
    public static IReadOnlyList<string> Severities { get; } = ["low", "medium", "high", "critical"];

    /// <summary>The alert source of this rule's detections.</summary>
    public string AlertSource => "detector:" + Name;

    /// <summary>Whether <paramref name="telemetry"/> is an event this rule counts.</summary>
    public bool Counts(TelemetryEvent telemetry) =>
        telemetry.Type == EventType && Match.All(m => m.IsMetBy(telemetry)) && telemetry.Field(GroupBy) is not null;
}
