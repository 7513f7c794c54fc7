namespace Actors.Domain.Detection;

/// <summary>A process <see cref="ProcessName"/> started on <see cref="Host"/>, optionally by a known principal.</summary>
public sealed record ProcessStarted(string Source, long Seq, DateTimeOffset OccurredAt, string ProcessHost, string? ProcessPrincipal, string ProcessName)
    : TelemetryEvent(Source, Seq, OccurredAt)
{
    /// <summary>The event type name on the lanes.</summary>
    public const string TypeName = "ProcessStarted";

    /// <inheritdoc/>
    public override string Type => TypeName;

    /// <inheritdoc/>
    public override string? Principal => ProcessPrincipal;

    /// <inheritdoc/>
    public override string? Host => ProcessHost;

    /// <inheritdoc/>
    public override string? Field(string name) => name switch
    {
        TelemetrySchema.PrincipalField => ProcessPrincipal,
        TelemetrySchema.HostField => ProcessHost,
        "processName" => ProcessName,
        _ => null,
    };
}
