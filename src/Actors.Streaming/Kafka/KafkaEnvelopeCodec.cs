using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Actors.Contracts;
using Actors.Contracts.Events;

namespace Actors.Streaming.Kafka;

/// <summary>
/// The lane wire format (see WIRE-FORMAT.md next to this file): a Kafka message value is one envelope as a UTF-8 JSON
/// object <c>{"tenant","entity","source","seq","type","occurredAt","payload"}</c> plus the optional <c>enqueuedAt</c>.
/// The rules are the contracts' (<see cref="EventEnvelopeJson"/>), one parser for all, so a file line, an SDK publish and a message another
/// service wrote straight into the topic are judged the same way.
/// </summary>
public static class KafkaEnvelopeCodec
{
    /// <summary>The writer settings of the wire form, for the dead-letter records that embed an envelope.</summary>
    internal static JsonWriterOptions WriteOptions => EventEnvelopeJson.WriterOptions;

    /// <summary>The message key of <paramref name="envelope"/>: <c>tenant/entity</c>, so one entity's events share a partition.</summary>
    public static string Key(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return EntityKey.Format(envelope.Tenant, envelope.Entity);
    }

    /// <summary>The message value of <paramref name="envelope"/>: the SDK's wire form (<see cref="EventEnvelopeJson"/>), compact UTF-8 JSON.</summary>
    /// <exception cref="Actors.Contracts.Errors.InvalidEventException">when the payload is not a JSON object.</exception>
    public static byte[] Serialize(EventEnvelope envelope) => EventEnvelopeJson.SerializeToUtf8Bytes(envelope);

    /// <summary>Writes <paramref name="envelope"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, EventEnvelope envelope) => EventEnvelopeJson.Write(writer, envelope);

    /// <summary>Reads a message value; on failure <paramref name="error"/> says what is wrong, for the dead-letter reason.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8Json, [NotNullWhen(true)] out EventEnvelope? envelope, [NotNullWhen(false)] out string? error) =>
        EventEnvelopeJson.TryParse(utf8Json, out envelope, out error);

    /// <summary>Reads one envelope object; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryRead(JsonElement element, [NotNullWhen(true)] out EventEnvelope? envelope, [NotNullWhen(false)] out string? error) =>
        EventEnvelopeJson.TryRead(element, out envelope, out error);
}
