namespace Actors.Hosting.Health;

/// <summary>The two thresholds of one indicator: at or above <see cref="Degraded"/> it is degraded, at or above <see cref="Unhealthy"/> unhealthy.</summary>
/// <param name="Degraded">Value (in the indicator's unit) at which it turns degraded; greater than zero.</param>
/// <param name="Unhealthy">Value at which it turns unhealthy; not below <paramref name="Degraded"/>.</param>
public sealed record HealthThreshold(double Degraded, double Unhealthy);
