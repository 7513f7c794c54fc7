namespace Actors.Domain.Detection;

/// <summary>
/// One endpoint telemetry event as the detectors see it. <c>(Source, Seq)</c> is its idempotency key within the detector
/// that consumes it; rules read its fields by name through <see cref="Field"/>, so a rule file can match any field a type
/// declares in <see cref="TelemetrySchema"/> without code per rule.
/// </summary>
public abstract record TelemetryEvent(string Source, long Seq, DateTimeOffset OccurredAt)
{
    /// <summary>The event type on the lanes (<c>LoginAttempt</c>, <c>ProcessStarted</c>, <c>NetworkConnection</c>).</summary>
    public abstract string Type { get; }

    /// <summary>The user or service account concerned, when the event names one.</summary>
    public abstract string? Principal { get; }

    /// <summary>The machine concerned, when the event names one.</summary>
    public abstract string? Host { get; }

    /// <summary>
    /// The canonical text of field <paramref name="name"/> (<c>true</c>/<c>false</c>, invariant integers, text as is), or
    /// null when the event has no value for it. Rules compare these texts, so a match never depends on culture.
    /// </summary>
    public abstract string? Field(string name);
}
