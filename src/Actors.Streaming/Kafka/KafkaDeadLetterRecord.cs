using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Actors.Contracts.Events;
using Actors.Streaming.Lanes;

namespace Actors.Streaming.Kafka;

/// <summary>
/// One message of a lane's dead-letter topic (format in WIRE-FORMAT.md): why the event died, when, where it was read,
/// and the event itself, or, when it never parsed, the original key and value bytes so nothing is lost.
/// </summary>
internal sealed record KafkaDeadLetterRecord(
    string Lane,
    string Reason,
    DateTimeOffset FailedAt,
    KafkaMessageOrigin? Origin,
    EventEnvelope? Envelope,
    byte[]? RawKey,
    byte[]? RawValue)
{
    /// <summary>Key of the dead-letter message: the entity key when the event parsed, the original key otherwise.</summary>
    public byte[]? MessageKey => Envelope is null ? RawKey : Encoding.UTF8.GetBytes(KafkaEnvelopeCodec.Key(Envelope));

    public byte[] Serialize()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, KafkaEnvelopeCodec.WriteOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("lane", Lane);
            writer.WriteString("reason", Reason);
            writer.WriteString("failedAt", FailedAt);
            if (Origin is not null)
            {
                writer.WriteStartObject("origin");
                writer.WriteString("topic", Origin.Topic);
                writer.WriteNumber("partition", Origin.Partition);
                writer.WriteNumber("offset", Origin.Offset);
                writer.WriteEndObject();
            }
            if (Envelope is not null)
            {
                writer.WritePropertyName("envelope");
                KafkaEnvelopeCodec.Write(writer, Envelope);
            }
            else
            {
                if (RawKey is not null)
                {
                    writer.WriteBase64String("key", RawKey);
                }
                if (RawValue is not null)
                {
                    writer.WriteBase64String("value", RawValue);
                }
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static bool TryParse(ReadOnlyMemory<byte> utf8Json, [NotNullWhen(true)] out KafkaDeadLetterRecord? record, [NotNullWhen(false)] out string? error)
    {
        record = null;
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            var root = document.RootElement;
            KafkaMessageOrigin? origin = null;
            if (root.TryGetProperty("origin", out var o))
            {
                origin = new KafkaMessageOrigin(o.GetProperty("topic").GetString()!, o.GetProperty("partition").GetInt32(), o.GetProperty("offset").GetInt64());
            }
            EventEnvelope? envelope = null;
            if (root.TryGetProperty("envelope", out var e) && !KafkaEnvelopeCodec.TryRead(e, out envelope, out error))
            {
                return false;
            }
            record = new KafkaDeadLetterRecord(
                root.GetProperty("lane").GetString()!,
                root.GetProperty("reason").GetString()!,
                root.GetProperty("failedAt").GetDateTimeOffset(),
                origin,
                envelope,
                root.TryGetProperty("key", out var k) ? k.GetBytesFromBase64() : null,
                root.TryGetProperty("value", out var v) ? v.GetBytesFromBase64() : null);
            error = null;
            return true;
        }
        catch (Exception unreadable) when (unreadable is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            error = $"not a dead-letter record: {unreadable.Message}";
            return false;
        }
    }

    /// <summary>
    /// The lane contract's view. An event that never parsed has no real envelope, so it gets a stand-in that cannot be
    /// replayed by mistake (empty tenant and type fail validation) and carries the original bytes in its payload.
    /// </summary>
    public DeadLetter ToDeadLetter(long id)
    {
        var envelope = Envelope ?? new EventEnvelope(
            Tenant: "",
            Entity: "",
            Source: Origin is null ? "" : $"kafka:{Origin.Topic}/{Origin.Partition}",
            Seq: Origin?.Offset ?? 0,
            Type: "",
            OccurredAt: FailedAt,
            Payload: UndecodedPayload());
        return new DeadLetter(id, Lane, envelope, Reason, FailedAt);
    }

    private string UndecodedPayload()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, KafkaEnvelopeCodec.WriteOptions))
        {
            writer.WriteStartObject();
            if (RawKey is not null)
            {
                writer.WriteBase64String("keyBase64", RawKey);
            }
            if (RawValue is not null)
            {
                writer.WriteBase64String("valueBase64", RawValue);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
