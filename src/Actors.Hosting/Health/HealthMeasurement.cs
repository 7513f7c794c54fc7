namespace Actors.Hosting.Health;

/// <summary>One indicator's value before thresholds are applied.</summary>
/// <param name="Name">The indicator.</param>
/// <param name="Value">Its value in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Scope"><c>silo</c> or <c>cluster</c>.</param>
/// <param name="Detail">What the value is made of.</param>
public sealed record HealthMeasurement(string Name, double Value, string Unit, string Scope, string Detail);
