using System.Globalization;
using Actors.Contracts.Health;
using Actors.Streaming.Lanes;

namespace Actors.Hosting.Health;

/// <summary>
/// The rules of health, free of I/O: readings become indicator values (<see cref="Measure"/>), values meet their
/// thresholds (<see cref="Evaluate"/>), and the worst indicator, or any source that could not be read, sets the status.
/// </summary>
public static class HealthEvaluator
{
    /// <summary>Scope of an indicator measured by one silo alone.</summary>
    public const string SiloScope = "silo";

    /// <summary>Scope of an indicator read from the cluster, the same on every silo.</summary>
    public const string ClusterScope = "cluster";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The indicator values of <paramref name="readings"/>, in <see cref="HealthIndicatorNames.All"/> order.</summary>
    public static IReadOnlyList<HealthMeasurement> Measure(HealthReadings readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var meter = readings.Meter;
        var measurements = new List<HealthMeasurement>
        {
            new(HealthIndicatorNames.ErrorRate,
                Percent(meter.FailedLedgerBatches, meter.LedgerBatches + meter.FailedLedgerBatches), "%", SiloScope,
                $"{meter.FailedLedgerBatches} of {meter.LedgerBatches + meter.FailedLedgerBatches} ledger batches failed"),
            new(HealthIndicatorNames.CriticalLaneLatency, Math.Round(meter.CriticalLatencyP99, 1), "ms", SiloScope,
                $"p99 of {meter.CriticalLatencySamples} critical-lane deliveries"),
        };
        if (readings.LaneAges is { } ages)
        {
            measurements.Add(LaneLag(HealthIndicatorNames.CriticalLaneLag, ages.GetValueOrDefault(LaneNames.Critical)));
            measurements.Add(LaneLag(HealthIndicatorNames.BulkLaneLag, ages.GetValueOrDefault(LaneNames.Bulk)));
        }
        if (readings.DeadLettersAdded is { } added)
        {
            measurements.Add(new(HealthIndicatorNames.DlqGrowth, added.Values.Sum(), "{message}", ClusterScope,
                string.Join(", ", added.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} +{p.Value}"))));
        }
        measurements.Add(new(HealthIndicatorNames.DuplicateRate,
            Percent(meter.Duplicates, meter.EventsRecorded + meter.Duplicates), "%", SiloScope,
            $"{meter.Duplicates} duplicates of {meter.EventsRecorded + meter.Duplicates} events"));
        if (readings.Projections is { } projections)
        {
            measurements.Add(new(HealthIndicatorNames.ProjectionLag, projections.Lag, "{position}", ClusterScope,
                $"{projections.LagProjection} is {projections.Lag} positions behind the ledger head"));
            measurements.Add(new(HealthIndicatorNames.ProjectionRebuildTime, Math.Round(projections.RebuildSeconds, 1), "s", ClusterScope,
                projections.RebuildDetail));
        }
        measurements.Add(new(HealthIndicatorNames.ReconciliationMismatchRate,
            Percent(meter.Mismatches, meter.AccountsChecked), "%", SiloScope,
            $"{meter.Mismatches} mismatches in {meter.AccountsChecked} accounts checked"));
        return measurements;
    }

    /// <summary>Applies <paramref name="options"/>' thresholds to <paramref name="measurements"/>.</summary>
    /// <returns>The indicators, the status (worst of them; at least degraded when a source was unreadable) and the reasons.</returns>
    public static (HealthState Status, IReadOnlyList<string> Reasons, IReadOnlyList<HealthIndicator> Indicators) Evaluate(
        IReadOnlyList<HealthMeasurement> measurements, IReadOnlyList<string> unreadable, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(unreadable);
        ArgumentNullException.ThrowIfNull(options);
        var indicators = new List<HealthIndicator>(measurements.Count);
        var reasons = new List<string>();
        var status = unreadable.Count > 0 ? HealthState.Degraded : HealthState.Healthy;
        foreach (var m in measurements)
        {
            var threshold = options.ThresholdOf(m.Name);
            var state = StateOf(m.Value, threshold);
            indicators.Add(new HealthIndicator(m.Name, m.Value, m.Unit, threshold.Degraded, threshold.Unhealthy, state, m.Scope, m.Detail));
            if (state != HealthState.Healthy)
            {
                var (limitName, limit) = state == HealthState.Unhealthy ? ("unhealthy", threshold.Unhealthy) : ("degraded", threshold.Degraded);
                reasons.Add(string.Create(Invariant,
                    $"{m.Name} is {m.Value:0.###} {m.Unit}, at or above its {limitName} threshold {limit:0.###} {m.Unit} ({m.Detail})"));
                status = (HealthState)Math.Max((int)status, (int)state);
            }
        }
        reasons.AddRange(unreadable);
        return (status, reasons, indicators);
    }

    /// <summary>The state <paramref name="threshold"/> gives <paramref name="value"/>: at or above a threshold is in its state.</summary>
    public static HealthState StateOf(double value, HealthThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return value >= threshold.Unhealthy ? HealthState.Unhealthy
            : value >= threshold.Degraded ? HealthState.Degraded
            : HealthState.Healthy;
    }

    private static HealthMeasurement LaneLag(string name, LaneBacklogAge? age) =>
        age is null || age.Partition is null
            ? new(name, 0, "s", ClusterScope, "nothing pending")
            : new(name, Math.Round(age.Seconds, 1), "s", ClusterScope,
                string.Create(Invariant, $"{age.Pending} pending on {age.Lane}; partition {age.Partition}'s head waited longest"));

    // A rate over nothing is 0: no calls means no failed calls.
    private static double Percent(long part, long whole) => whole <= 0 ? 0 : Math.Round(100.0 * part / whole, 3);
}
