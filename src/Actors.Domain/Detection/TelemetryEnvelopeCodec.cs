using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Domain.Lanes;

namespace Actors.Domain.Detection;

/// <summary>
/// Telemetry events on the bulk lane. The envelope's entity is the detector bucket the producer chose (the principal for
/// logins, the host for process and network events, or a stable bucket of them, e.g. <c>hosts-07</c>); every event of one
/// rule group must land on the same entity, or its count is split between detectors. Payloads, camelCase:
/// <list type="bullet">
/// <item><c>LoginAttempt</c>: <c>{"principal":"alice","host":"ws-1","success":false}</c></item>
/// <item><c>ProcessStarted</c>: <c>{"host":"ws-1","principal":"alice","processName":"mimikatz.exe"}</c> (principal optional)</item>
/// <item><c>NetworkConnection</c>: <c>{"host":"ws-1","remoteAddress":"10.0.0.9","remotePort":445,"direction":"outbound"}</c> (principal optional)</item>
/// </list>
/// Principal and host follow the key rules (<see cref="EntityKey"/>) because an alert uses one of them as its entity.
/// Other payload fields are allowed (agents add their own) and ignored.
/// </summary>
public static class TelemetryEnvelopeCodec
{
    /// <summary>The validated telemetry event inside <paramref name="envelope"/>.</summary>
    /// <exception cref="InvalidEventException">naming the envelope and the field when anything is wrong.</exception>
    public static TelemetryEvent FromEnvelope(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!TelemetrySchema.IsTelemetryType(envelope.Type))
        {
            throw new InvalidEventException($"'{envelope.Type}' is not a telemetry event type; detectors consume {string.Join(", ", TelemetrySchema.EventTypes)}.");
        }
        var payload = EnvelopePayload.WithKey(envelope);
        var where = EnvelopePayload.Describe(envelope);
        return envelope.Type switch
        {
            LoginAttempt.TypeName => new LoginAttempt(envelope.Source, envelope.Seq, envelope.OccurredAt,
                KeyPart(payload, TelemetrySchema.PrincipalField, where)!, KeyPart(payload, TelemetrySchema.HostField, where)!,
                Boolean(payload, "success", where)),
            ProcessStarted.TypeName => new ProcessStarted(envelope.Source, envelope.Seq, envelope.OccurredAt,
                KeyPart(payload, TelemetrySchema.HostField, where)!, KeyPart(payload, TelemetrySchema.PrincipalField, where, optional: true),
                Text(payload, "processName", where)),
            _ => new NetworkConnection(envelope.Source, envelope.Seq, envelope.OccurredAt,
                KeyPart(payload, TelemetrySchema.HostField, where)!, KeyPart(payload, TelemetrySchema.PrincipalField, where, optional: true),
                Text(payload, "remoteAddress", where), Port(payload, where), Direction(payload, where)),
        };
    }

    /// <summary>The envelope that carries <paramref name="telemetry"/> for detector bucket <paramref name="entity"/> of <paramref name="tenant"/>.</summary>
    public static EventEnvelope ToEnvelope(string tenant, string entity, TelemetryEvent telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        EntityKey.Format(tenant, entity);
        var payload = new JsonObject();
        switch (telemetry)
        {
            case LoginAttempt login:
                payload["principal"] = login.LoginPrincipal;
                payload["host"] = login.LoginHost;
                payload["success"] = login.Success;
                break;
            case ProcessStarted process:
                payload["host"] = process.ProcessHost;
                AddOptional(payload, "principal", process.ProcessPrincipal);
                payload["processName"] = process.ProcessName;
                break;
            case NetworkConnection connection:
                payload["host"] = connection.ConnectionHost;
                AddOptional(payload, "principal", connection.ConnectionPrincipal);
                payload["remoteAddress"] = connection.RemoteAddress;
                payload["remotePort"] = connection.RemotePort;
                payload["direction"] = connection.Direction;
                break;
            default:
                throw new ArgumentException($"unknown telemetry event {telemetry.GetType().Name}.", nameof(telemetry));
        }
        return new EventEnvelope(tenant, entity, telemetry.Source, telemetry.Seq, telemetry.Type, telemetry.OccurredAt, payload.ToJsonString());
    }

    private static void AddOptional(JsonObject payload, string name, string? value)
    {
        if (value is not null)
        {
            payload[name] = value;
        }
    }

    private static JsonNode? Present(JsonObject payload, string name, string where, bool optional)
    {
        var node = payload[name];
        if (node is null && !optional)
        {
            throw new InvalidEventException($"{where}: payload {name} is required.");
        }
        return node;
    }

    private static string? KeyPart(JsonObject payload, string name, string where, bool optional = false)
    {
        if (Present(payload, name, where, optional) is null)
        {
            return null;
        }
        var value = Text(payload, name, where);
        try
        {
            EntityKey.Validate(name, value);
        }
        catch (InvalidEventException invalid)
        {
            throw new InvalidEventException($"{where}: payload {invalid.Message}");
        }
        return value;
    }

    private static string Text(JsonObject payload, string name, string where)
    {
        var node = Present(payload, name, where, optional: false)!;
        if (node.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(node.GetValue<string>()))
        {
            throw new InvalidEventException($"{where}: payload {name} must be a non-empty string (was {node.ToJsonString()}).");
        }
        return node.GetValue<string>();
    }

    private static bool Boolean(JsonObject payload, string name, string where)
    {
        var node = Present(payload, name, where, optional: false)!;
        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidEventException($"{where}: payload {name} must be true or false (was {node.ToJsonString()})."),
        };
    }

    private static int Port(JsonObject payload, string where)
    {
        var node = Present(payload, "remotePort", where, optional: false)!;
        if (node.GetValueKind() == JsonValueKind.Number
            && int.TryParse(node.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is >= 0 and <= 65535)
        {
            return port;
        }
        throw new InvalidEventException($"{where}: payload remotePort must be an integer from 0 to 65535 (was {node.ToJsonString()}).");
    }

    private static string Direction(JsonObject payload, string where)
    {
        var direction = Text(payload, "direction", where);
        return direction is "inbound" or "outbound"
            ? direction
            : throw new InvalidEventException($"{where}: payload direction must be \"inbound\" or \"outbound\" (was \"{direction}\").");
    }
}
