namespace Actors.Domain.Detection;

/// <summary>
/// What one detector (one telemetry entity: a principal, a host or a bucket of them) knows: a <see cref="GroupWindow"/> per
/// rule and group. Pure and in memory; the grain around it decides what to do with the detections.
/// </summary>
public sealed class DetectorState(DetectionRuleSet rules)
{
    private readonly Dictionary<(string Rule, string Group), GroupWindow> _windows = [];

    /// <summary>Rule-group windows held.</summary>
    public int Groups => _windows.Count;

    /// <summary>Applies <paramref name="telemetry"/> to every rule of its type.</summary>
    public DetectorObservation Observe(TelemetryEvent telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        var counted = 0;
        var duplicate = 0;
        List<RuleFiring>? detections = null;
        foreach (var rule in rules.For(telemetry.Type))
        {
            if (!rule.Counts(telemetry))
            {
                continue;
            }
            var group = telemetry.Field(rule.GroupBy)!;
            if (!_windows.TryGetValue((rule.Name, group), out var window))
            {
                window = new GroupWindow(rule, group);
                _windows.Add((rule.Name, group), window);
            }
            switch (window.Observe(TelemetryHit.Of(rule, telemetry), out var detection))
            {
                case WindowOutcome.Counted:
                    counted++;
                    break;
                case WindowOutcome.Duplicate:
                    duplicate++;
                    break;
            }
            if (detection is not null)
            {
                (detections ??= []).Add(detection);
            }
        }
        return new DetectorObservation(counted, duplicate, detections ?? []);
    }
}
