namespace Actors.Contracts.Health;

/// <summary>One evaluated indicator: its value over the recent window, its thresholds and the state they give it.</summary>
/// <param name="Name">The indicator (see <see cref="HealthIndicatorNames"/>).</param>
/// <param name="Value">The measured value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit of the value and the thresholds: <c>%</c>, <c>ms</c>, <c>s</c>, <c>{message}</c>, <c>{position}</c>.</param>
/// <param name="DegradedAt">The value at or above which the indicator is degraded.</param>
/// <param name="UnhealthyAt">The value at or above which the indicator is unhealthy.</param>
/// <param name="State">The state the thresholds give the value.</param>
/// <param name="Scope"><c>silo</c> when measured by this silo alone, <c>cluster</c> when read from the cluster (the same on every silo).</param>
/// <param name="Detail">What the value is made of (e.g. counts), for the operator.</param>
[GenerateSerializer, Immutable, Alias("health.indicator")]
public sealed record HealthIndicator(
    [property: Id(0)] string Name,
    [property: Id(1)] double Value,
    [property: Id(2)] string Unit,
    [property: Id(3)] double DegradedAt,
    [property: Id(4)] double UnhealthyAt,
    [property: Id(5)] HealthState State,
    [property: Id(6)] string Scope,
    [property: Id(7)] string? Detail = null);
