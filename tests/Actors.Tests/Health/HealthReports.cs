using Actors.Contracts.Health;
using Actors.Hosting.Health;

namespace Actors.Tests.Health;

/// <summary>Readings and reports with fixed inputs for the rule tests.</summary>
internal static class HealthReports
{
    public static readonly DateTimeOffset At = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static MeterWindowReading Meter(
        long recorded = 0, long duplicates = 0, long batches = 0, long failedBatches = 0, long accountsChecked = 0, long mismatches = 0,
        long latencySamples = 0, double p99 = 0) =>
        new(recorded, duplicates, batches, failedBatches, accountsChecked, mismatches, latencySamples, p99);

    public static HealthReadings Readings(
        MeterWindowReading? meter = null,
        IReadOnlyDictionary<string, LaneBacklogAge>? lanes = null,
        IReadOnlyDictionary<string, long>? deadLetters = null,
        ProjectionHealthReading? projections = null,
        params string[] unreadable) =>
        new(meter ?? Meter(), lanes, deadLetters, projections, unreadable);

    public static HealthIndicator Indicator(string name, double value, HealthState state) =>
        new(name, value, "%", 1, 5, state, HealthEvaluator.SiloScope, "fixed");

    public static SiloHealthReport Silo(string name, HealthState status, params HealthIndicator[] indicators) =>
        new($"S127.0.0.1:{name.Length}:1", name, status,
            indicators.Where(i => i.State != HealthState.Healthy).Select(i => $"{i.Name} over").ToList(), indicators, At, TimeSpan.FromSeconds(15));
}
