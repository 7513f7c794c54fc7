namespace Actors.Domain.Detection;

/// <summary>The JSON kind of a telemetry field, so a rule's match value can be checked against it when the rules load.</summary>
public enum TelemetryFieldKind
{
    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON integer.</summary>
    Integer,
}
