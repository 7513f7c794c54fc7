using Actors.Contracts.Errors;

namespace Actors.Contracts.Events;

/// <summary>
/// The shape rules every envelope must meet, wherever it enters (SDK, CLI file, Kafka topic, ingress grain), so all of
/// them reject the same input with the same message. Whether the type is known is the routing table's call.
/// </summary>
public static class EventEnvelopeValidation
{
    /// <summary>Throws <see cref="InvalidEventException"/> unless <paramref name="envelope"/> is well formed.</summary>
    public static void Validate(EventEnvelope? envelope)
    {
        if (envelope is null)
        {
            throw new InvalidEventException("envelope is required.");
        }
        EntityKey.Validate("tenant", envelope.Tenant);
        EntityKey.Validate("entity", envelope.Entity);
        // Sources follow the key-part rules too, so (entity, source, seq) is printable and safe in every store.
        EntityKey.Validate("source", envelope.Source);
        if (envelope.Seq < 1)
        {
            throw new InvalidEventException($"seq must be a positive integer (was {envelope.Seq}).");
        }
        if (string.IsNullOrWhiteSpace(envelope.Type))
        {
            throw new InvalidEventException("type is required.");
        }
        if (envelope.OccurredAt == default)
        {
            throw new InvalidEventException("occurredAt is required.");
        }
        EventEnvelopeJson.ValidatePayload(envelope.Payload);
    }
}
