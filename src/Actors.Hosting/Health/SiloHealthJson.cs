using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Actors.Contracts.Health;

namespace Actors.Hosting.Health;

/// <summary>The JSON <c>/healthz</c> answers: <c>{ "status", "silo", "reasons", "indicators": [...] }</c>, states in lower case.</summary>
public static class SiloHealthJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The body for <paramref name="report"/>.</summary>
    public static string Serialize(SiloHealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(new Body(
            JsonNamingPolicy.KebabCaseLower.ConvertName(report.Status.ToString()), report.SiloName, report.Silo, report.Reasons, report.Indicators,
            report.EvaluatedAt), Options);
    }

    /// <summary>The body while the silo is starting (or stopping): no indicators yet.</summary>
    public static string Starting(string silo) =>
        JsonSerializer.Serialize(new Body("starting", silo, null, ["the silo is not active yet (starting) or no longer (stopping)"], [], null), Options);

    /// <summary>
    /// The HTTP status for <paramref name="report"/> of a silo that is active: 200, with the verdict in the body; with
    /// <paramref name="strict"/> (<c>/healthz?strict=true</c>, for monitors that only read status codes) 503 when unhealthy.
    /// By default a load balancer must not act on the verdict: the indicators are cluster-wide (lane lag, DLQ growth,
    /// projection), driven by a dependency every silo shares (the database behind the error rate) or by clients (duplicates,
    /// reconciliation mismatches), and measured over a window that outlives the cause. Taking silos out for them would
    /// remove every silo at once, for minutes after the database is back: a warning turned into an outage.
    /// </summary>
    public static int HttpStatus(SiloHealthReport report, bool strict) =>
        strict && report.Status == HealthState.Unhealthy ? 503 : 200;

    private sealed record Body(
        string Status, string Silo, string? Address, IReadOnlyList<string> Reasons, IReadOnlyList<HealthIndicator> Indicators, DateTimeOffset? EvaluatedAt);
}
