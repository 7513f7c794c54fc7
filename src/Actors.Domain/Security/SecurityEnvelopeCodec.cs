using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Contracts.Security;
using Actors.Domain.Lanes;

namespace Actors.Domain.Security;

/// <summary>
/// Security events on the lanes: the envelope's entity is the principal or host the event is about (any valid key part),
/// its type <c>AlertRaised</c>, <c>PrincipalDisabled</c> or <c>CredentialsRotated</c>, and the payload the event's own
/// fields in camelCase (<c>severity</c>, <c>principal</c>, <c>host</c>, <c>rule</c>, <c>reason</c>); the envelope is
/// authoritative for the key (see <see cref="EnvelopePayload"/>). An identity event without a principal is about the entity.
/// </summary>
public static class SecurityEnvelopeCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>Whether <paramref name="type"/> is a security event the intake consumes.</summary>
    public static bool IsSecurityType(string type) =>
        type is AlertRaised.TypeName or PrincipalDisabled.TypeName or CredentialsRotated.TypeName;

    /// <summary>The tenant and the validated alert or identity event inside <paramref name="envelope"/> (exactly one is set).</summary>
    /// <exception cref="InvalidEventException">with a specific message when anything about the envelope or payload is wrong.</exception>
    public static (string Tenant, AlertRaised? Alert, IdentityEvent? Identity) FromEnvelope(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        EntityKey.Format(envelope.Tenant, envelope.Entity);
        if (!IsSecurityType(envelope.Type))
        {
            throw new InvalidEventException($"'{envelope.Type}' is not a security event type.");
        }
        var payload = EnvelopePayload.WithKey(envelope);
        if (envelope.Type == AlertRaised.TypeName)
        {
            var alert = Read<AlertRaised>(envelope, payload);
            Check(envelope, SecurityValidation.Problem(alert));
            return (envelope.Tenant, alert, null);
        }
        payload["principal"] ??= envelope.Entity;
        IdentityEvent identity = envelope.Type == PrincipalDisabled.TypeName
            ? Read<PrincipalDisabled>(envelope, payload)
            : Read<CredentialsRotated>(envelope, payload);
        Check(envelope, SecurityValidation.Problem(identity));
        return (envelope.Tenant, null, identity);
    }

    /// <summary>The envelope that carries <paramref name="alert"/> for <paramref name="tenant"/>; its entity is the principal, else the host.</summary>
    public static EventEnvelope ToEnvelope(string tenant, AlertRaised alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var entity = alert.Principal ?? alert.Host ?? throw new InvalidEventException("an alert names a principal or a host.");
        var payload = new JsonObject
        {
            ["severity"] = alert.Severity.ToString(),
            ["rule"] = alert.Rule,
        };
        if (alert.Principal is not null)
        {
            payload["principal"] = alert.Principal;
        }
        if (alert.Host is not null)
        {
            payload["host"] = alert.Host;
        }
        return new(tenant, entity, alert.Source, alert.Seq, AlertRaised.TypeName, alert.OccurredAt, payload.ToJsonString());
    }

    /// <summary>The envelope that carries <paramref name="identityEvent"/> for <paramref name="tenant"/>; its entity is the principal.</summary>
    public static EventEnvelope ToEnvelope(string tenant, IdentityEvent identityEvent)
    {
        ArgumentNullException.ThrowIfNull(identityEvent);
        var payload = new JsonObject { ["principal"] = identityEvent.Principal };
        if (identityEvent.Reason is not null)
        {
            payload["reason"] = identityEvent.Reason;
        }
        return new(tenant, identityEvent.Principal, identityEvent.Source, identityEvent.Seq, identityEvent.Type, identityEvent.OccurredAt, payload.ToJsonString());
    }

    private static T Read<T>(EventEnvelope envelope, JsonObject payload)
    {
        try
        {
            return payload.Deserialize<T>(Options)
                ?? throw new InvalidEventException($"{EnvelopePayload.Describe(envelope)}: payload is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException($"{EnvelopePayload.Describe(envelope)}: payload is not a valid {envelope.Type} ({ex.Message}).");
        }
    }

    private static void Check(EventEnvelope envelope, string? problem)
    {
        if (problem is not null)
        {
            throw new InvalidEventException($"{EnvelopePayload.Describe(envelope)}: {problem}");
        }
    }
}
