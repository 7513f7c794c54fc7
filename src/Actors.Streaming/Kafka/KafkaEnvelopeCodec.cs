using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;

namespace Actors.Streaming.Kafka;

/// <summary>
/// The lane wire format (see WIRE-FORMAT.md next to this file): a Kafka message value is one envelope as a UTF-8 JSON
/// object <c>{"tenant","entity","source","seq","type","occurredAt","payload"}</c> plus the optional <c>enqueuedAt</c>.
/// The rules are the SDK's (Actors.Client EventEnvelopeJson), so a file line, an SDK publish and a message another
/// service wrote straight into the topic are judged the same way.
/// </summary>
public static partial class KafkaEnvelopeCodec
{
    private const string Tenant = "tenant";
    private const string Entity = "entity";
    private const string Source = "source";
    private const string Seq = "seq";
    private const string Type = "type";
    private const string OccurredAt = "occurredAt";
    private const string Payload = "payload";
    private const string EnqueuedAt = "enqueuedAt";

    private static readonly string[] Required = [Tenant, Entity, Source, Seq, Type, OccurredAt, Payload];

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    internal static readonly JsonWriterOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>The message key of <paramref name="envelope"/>: <c>tenant/entity</c>, so one entity's events share a partition.</summary>
    public static string Key(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return EntityKey.Format(envelope.Tenant, envelope.Entity);
    }

    /// <summary>The message value of <paramref name="envelope"/>: compact UTF-8 JSON.</summary>
    /// <exception cref="InvalidEventException">when the payload is not a JSON object.</exception>
    public static byte[] Serialize(EventEnvelope envelope)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            Write(writer, envelope);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="envelope"/> as one JSON object.</summary>
    /// <exception cref="InvalidEventException">when the payload is not a JSON object.</exception>
    public static void Write(Utf8JsonWriter writer, EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(envelope);
        using var payload = ParsePayload(envelope.Payload);
        writer.WriteStartObject();
        writer.WriteString(Tenant, envelope.Tenant);
        writer.WriteString(Entity, envelope.Entity);
        writer.WriteString(Source, envelope.Source);
        writer.WriteNumber(Seq, envelope.Seq);
        writer.WriteString(Type, envelope.Type);
        writer.WriteString(OccurredAt, envelope.OccurredAt);
        writer.WritePropertyName(Payload);
        payload.RootElement.WriteTo(writer);
        if (envelope.EnqueuedAt is { } enqueuedAt)
        {
            writer.WriteString(EnqueuedAt, enqueuedAt);
        }
        writer.WriteEndObject();
    }

    /// <summary>Reads a message value; on failure <paramref name="error"/> says what is wrong, for the dead-letter reason.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8Json, [NotNullWhen(true)] out EventEnvelope? envelope, [NotNullWhen(false)] out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, ReadOptions);
        }
        catch (JsonException notJson)
        {
            envelope = null;
            error = $"not valid JSON (line {notJson.LineNumber + 1}, byte {notJson.BytePositionInLine + 1}).";
            return false;
        }
        using (document)
        {
            return TryRead(document.RootElement, out envelope, out error);
        }
    }

    /// <summary>Reads one envelope object; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryRead(JsonElement element, [NotNullWhen(true)] out EventEnvelope? envelope, [NotNullWhen(false)] out string? error)
    {
        try
        {
            envelope = Read(element);
            error = null;
            return true;
        }
        catch (InvalidEventException invalid)
        {
            envelope = null;
            error = invalid.Message;
            return false;
        }
    }

    private static EventEnvelope Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidEventException($"an envelope must be a JSON object (was {root.ValueKind}).");
        }
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (Array.IndexOf(Required, property.Name) < 0 && property.Name != EnqueuedAt)
            {
                throw new InvalidEventException($"unknown property '{Shorten(property.Name)}'; an envelope has {string.Join(", ", Required)} (and optionally {EnqueuedAt}).");
            }
            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw new InvalidEventException($"property '{property.Name}' appears more than once.");
            }
        }
        foreach (var name in Required)
        {
            if (!fields.ContainsKey(name))
            {
                throw new InvalidEventException($"{name} is required.");
            }
        }

        var envelope = new EventEnvelope(
            ReadString(Tenant, fields[Tenant]),
            ReadString(Entity, fields[Entity]),
            ReadString(Source, fields[Source]),
            ReadSeq(fields[Seq]),
            ReadString(Type, fields[Type]),
            ReadTimestamp(OccurredAt, fields[OccurredAt]),
            ReadPayload(fields[Payload]))
        {
            EnqueuedAt = fields.TryGetValue(EnqueuedAt, out var enqueued) && enqueued.ValueKind != JsonValueKind.Null
                ? ReadTimestamp(EnqueuedAt, enqueued)
                : null,
        };
        EntityKey.Validate("tenant", envelope.Tenant);
        EntityKey.Validate("entity", envelope.Entity);
        EntityKey.Validate("source", envelope.Source);
        if (string.IsNullOrWhiteSpace(envelope.Type))
        {
            throw new InvalidEventException("type is required.");
        }
        return envelope;
    }

    private static string ReadString(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidEventException($"{name} must be a string (was {value.ValueKind}).");

    private static long ReadSeq(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seq) && seq >= 1
            ? seq
            : throw new InvalidEventException($"seq must be a positive integer (was {Shorten(value.GetRawText())}).");

    private static DateTimeOffset ReadTimestamp(string name, JsonElement value)
    {
        // A bare local time would mean a different instant on every producer's machine, so an offset is required.
        if (value.ValueKind == JsonValueKind.String
            && value.TryGetDateTimeOffset(out var timestamp)
            && EndsWithOffset().IsMatch(value.GetString()!))
        {
            return timestamp;
        }
        throw new InvalidEventException($"{name} must be an ISO-8601 timestamp with a time-zone offset, e.g. 2030-01-01T12:00:00Z (was {Shorten(value.GetRawText())}).");
    }

    private static string ReadPayload(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidEventException($"payload must be a JSON object (was {value.ValueKind}).");
        }
        // Re-encoded compactly, as the SDK does, so the same event always carries the same payload text.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            value.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonDocument ParsePayload(string? payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload ?? "", ReadOptions);
        }
        catch (JsonException)
        {
            throw new InvalidEventException("payload must be a JSON object (was not valid JSON).");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new InvalidEventException($"payload must be a JSON object (was {kind}).");
        }
        return document;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    [GeneratedRegex(@"(?:[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex EndsWithOffset();
}
