namespace Actors.Domain.Detection;

/// <summary>A sign-in by <see cref="Principal"/> on <see cref="Host"/>, successful or not.</summary>
public sealed record LoginAttempt(string Source, long Seq, DateTimeOffset OccurredAt, string LoginPrincipal, string LoginHost, bool Success)
    : TelemetryEvent(Source, Seq, OccurredAt)
{
    /// <summary>The event type name on the lanes.</summary>
    public const string TypeName = "LoginAttempt";

    /// <inheritdoc/>
    public override string Type => TypeName;

    /// <inheritdoc/>
    public override string? Principal => LoginPrincipal;

    /// <inheritdoc/>
    public override string? Host => LoginHost;

    /// <inheritdoc/>
    public override string? Field(string name) => name switch
    {
        TelemetrySchema.PrincipalField => LoginPrincipal,
        TelemetrySchema.HostField => LoginHost,
        "success" => Success ? "true" : "false",
        _ => null,
    };
}
