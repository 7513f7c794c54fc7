using System.Globalization;

namespace Actors.Domain.Detection;

/// <summary>A connection from <see cref="Host"/> to <see cref="RemoteAddress"/>:<see cref="RemotePort"/>.</summary>
public sealed record NetworkConnection(
    string Source, long Seq, DateTimeOffset OccurredAt, string ConnectionHost, string? ConnectionPrincipal, string RemoteAddress, int RemotePort, string Direction)
    : TelemetryEvent(Source, Seq, OccurredAt)
{
    /// <summary>The event type name on the lanes.</summary>
    public const string TypeName = "NetworkConnection";

    /// <inheritdoc/>
    public override string Type => TypeName;

    /// <inheritdoc/>
    public override string? Principal => ConnectionPrincipal;

    /// <inheritdoc/>
    public override string? Host => ConnectionHost;

    /// <inheritdoc/>
    public override string? Field(string name) => name switch
    {
        TelemetrySchema.PrincipalField => ConnectionPrincipal,
        TelemetrySchema.HostField => ConnectionHost,
        "remoteAddress" => RemoteAddress,
        "remotePort" => RemotePort.ToString(CultureInfo.InvariantCulture),
        "direction" => Direction,
        _ => null,
    };
}
