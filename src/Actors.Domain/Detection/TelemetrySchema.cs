namespace Actors.Domain.Detection;

/// <summary>
/// The fields of each telemetry type that rules may match, group by or count distinct values of. The rule loader checks
/// every rule against this table, so a misspelt field fails at silo start rather than never matching.
/// </summary>
public static class TelemetrySchema
{
    /// <summary>The principal field (a key part: it may become an alert's entity).</summary>
    public const string PrincipalField = "principal";

    /// <summary>The host field (a key part: it may become an alert's entity).</summary>
    public const string HostField = "host";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, TelemetryFieldKind>> Types = new(StringComparer.Ordinal)
    {
        [LoginAttempt.TypeName] = new Dictionary<string, TelemetryFieldKind>(StringComparer.Ordinal)
        {
            [PrincipalField] = TelemetryFieldKind.Text,
            [HostField] = TelemetryFieldKind.Text,
            ["success"] = TelemetryFieldKind.Boolean,
        },
        [ProcessStarted.TypeName] = new Dictionary<string, TelemetryFieldKind>(StringComparer.Ordinal)
        {
            [PrincipalField] = TelemetryFieldKind.Text,
            [HostField] = TelemetryFieldKind.Text,
            ["processName"] = TelemetryFieldKind.Text,
        },
        [NetworkConnection.TypeName] = new Dictionary<string, TelemetryFieldKind>(StringComparer.Ordinal)
        {
            [PrincipalField] = TelemetryFieldKind.Text,
            [HostField] = TelemetryFieldKind.Text,
            ["remoteAddress"] = TelemetryFieldKind.Text,
            ["remotePort"] = TelemetryFieldKind.Integer,
            ["direction"] = TelemetryFieldKind.Text,
        },
    };

    /// <summary>The telemetry types detectors consume.</summary>
    public static IEnumerable<string> EventTypes => Types.Keys.Order(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="type"/> is a telemetry type.</summary>
    public static bool IsTelemetryType(string type) => Types.ContainsKey(type);

    /// <summary>The fields of <paramref name="type"/> (which must be a telemetry type).</summary>
    public static IReadOnlyDictionary<string, TelemetryFieldKind> FieldsOf(string type) => Types[type];
}
