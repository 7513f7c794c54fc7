namespace Actors.Hosting.Health;

/// <summary>Everything one evaluation reads, before thresholds are applied.</summary>
/// <param name="Meter">What this silo's instruments counted over the window.</param>
/// <param name="LaneAges">Backlog age per lane; null when this silo has no lanes or their status could not be read.</param>
/// <param name="DeadLettersAdded">Dead letters added per lane over the window; null like <paramref name="LaneAges"/>.</param>
/// <param name="Projections">The projections' lag and rebuild; null when they could not be read.</param>
/// <param name="Unreadable">One line per source that could not be read (each makes the silo degraded).</param>
public sealed record HealthReadings(
    MeterWindowReading Meter,
    IReadOnlyDictionary<string, LaneBacklogAge>? LaneAges,
    IReadOnlyDictionary<string, long>? DeadLettersAdded,
    ProjectionHealthReading? Projections,
    IReadOnlyList<string> Unreadable);
