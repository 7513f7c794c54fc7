using System.Text.Json.Nodes;
using Actors.Contracts.Events;

namespace Actors.Domain.Detection;

/// <summary>
/// The <c>AlertRaised</c> envelope of a detection, for the critical lane: entity = the group value (the principal or the
/// host), source <c>detector:{rule}</c>, seq from <see cref="AlertKeys"/>, occurredAt = the window's first event, payload
/// <c>{"severity":"high","principal":"alice","host":"ws-1","rule":"brute-force-login"}</c> (principal or host left out when
/// unknown). Every part is a function of the window, so the same window always yields the same envelope.
/// </summary>
public static class AlertEnvelopeCodec
{
    /// <summary>The event type of alerts.</summary>
    public const string AlertType = "AlertRaised";

    /// <summary>The envelope that raises <paramref name="detection"/> for <paramref name="tenant"/>.</summary>
    public static EventEnvelope ToEnvelope(string tenant, RuleFiring detection)
    {
        ArgumentNullException.ThrowIfNull(detection);
        var payload = new JsonObject { ["severity"] = detection.Rule.Severity };
        // The group's own field is always the group value; the other one comes from the window's first event.
        var principal = detection.Rule.GroupBy == TelemetrySchema.PrincipalField ? detection.Group : detection.Principal;
        var host = detection.Rule.GroupBy == TelemetrySchema.HostField ? detection.Group : detection.Host;
        if (principal is not null)
        {
            payload["principal"] = principal;
        }
        if (host is not null)
        {
            payload["host"] = host;
        }
        payload["rule"] = detection.Rule.Name;
        return new EventEnvelope(tenant, detection.Group, detection.AlertSource, detection.AlertSeq, AlertType, detection.WindowStart, payload.ToJsonString());
    }
}
