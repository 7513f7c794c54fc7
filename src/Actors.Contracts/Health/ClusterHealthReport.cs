namespace Actors.Contracts.Health;

/// <summary>The cluster's health: the latest report of every active silo and the worst of them.</summary>
/// <param name="Status">The worst status of <paramref name="Silos"/>; <see cref="HealthState.Unhealthy"/> when no silo has reported.</param>
/// <param name="Reasons">Every silo's reasons, each prefixed with the silo's name.</param>
/// <param name="Indicators">Per indicator, the silo reading in the worst state (the highest value among equals).</param>
/// <param name="Silos">The latest report of each active silo, ordered by silo name.</param>
/// <param name="ReadAt">When the cluster's health grain answered.</param>
[GenerateSerializer, Immutable, Alias("health.cluster-report")]
public sealed record ClusterHealthReport(
    [property: Id(0)] HealthState Status,
    [property: Id(1)] IReadOnlyList<string> Reasons,
    [property: Id(2)] IReadOnlyList<HealthIndicator> Indicators,
    [property: Id(3)] IReadOnlyList<SiloHealthReport> Silos,
    [property: Id(4)] DateTimeOffset ReadAt);
