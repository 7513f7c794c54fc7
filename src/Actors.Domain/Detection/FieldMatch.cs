namespace Actors.Domain.Detection;

/// <summary>A rule's condition on one field: its canonical text (see <see cref="TelemetryEvent.Field"/>) is one of <see cref="AnyOf"/>.</summary>
public sealed record FieldMatch(string Field, IReadOnlySet<string> AnyOf)
{
    /// <summary>Whether <paramref name="telemetry"/> meets the condition; an absent field never does.</summary>
    public bool IsMetBy(TelemetryEvent telemetry) => telemetry.Field(Field) is { } value && AnyOf.Contains(value);
}
