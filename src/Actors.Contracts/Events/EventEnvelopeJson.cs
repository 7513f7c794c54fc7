using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Actors.Contracts;
using Actors.Contracts.Errors;

namespace Actors.Contracts.Events;

/// <summary>
/// The JSON wire form of one <see cref="EventEnvelope"/>, as used in files (one envelope per line) and as a Kafka message
/// value (UTF-8):
/// <code>{"tenant":"acme","entity":"c1","source":"meter-7","seq":42,"type":"UsageRecorded","occurredAt":"2030-01-01T12:00:00+00:00","payload":{"meter":"api-calls","quantity":7}}</code>
/// Every property is required except <c>enqueuedAt</c> (set by the cluster). <c>seq</c> is a JSON integer of 1 or more;
/// <c>occurredAt</c> is an ISO-8601 timestamp with a time-zone offset (<c>Z</c> or <c>+hh:mm</c>); <c>payload</c> is a
/// JSON object (it becomes <see cref="EventEnvelope.Payload"/>, compact JSON text). Unknown or repeated properties are
/// rejected, so a misspelt field is an error rather than silently missing.
/// </summary>
public static partial class EventEnvelopeJson
{
    private const string Tenant = "tenant";
    private const string Entity = "entity";
    private const string Source = "source";
    private const string Seq = "seq";
    private const string Type = "type";
    private const string OccurredAt = "occurredAt";
    private const string Payload = "payload";
    private const string EnqueuedAt = "enqueuedAt";
    private const int MaxQuotedLength = 40;

    private static readonly string[] Required = [Tenant, Entity, Source, Seq, Type, OccurredAt, Payload];

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    // Relaxed escaping keeps non-ASCII text readable in files; control characters (newlines included) are still escaped,
    // so one envelope is always one line.
    private static readonly JsonWriterOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>The writer settings of the wire form (compact, UTF-8 kept readable), for callers that embed envelopes in larger JSON.</summary>
    public static JsonWriterOptions WriterOptions => WriteOptions;

    /// <summary>Reads one envelope from <paramref name="json"/> and validates it (<see cref="EventEnvelopeValidation.Validate"/>).</summary>
    /// <param name="json">One JSON object in the wire form.</param>
    /// <returns>The envelope; its payload is compact JSON text.</returns>
    /// <exception cref="InvalidEventException">naming the first thing wrong, e.g. <c>seq must be a positive integer (was 0).</c></exception>
    public static EventEnvelope Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseDocument(() => JsonDocument.Parse(json, ReadOptions));
    }

    /// <summary>Reads one envelope from UTF-8 <paramref name="utf8Json"/> (e.g. a Kafka message value) and validates it.</summary>
    /// <param name="utf8Json">One JSON object in the wire form, UTF-8 encoded.</param>
    /// <returns>The envelope; its payload is compact JSON text.</returns>
    /// <exception cref="InvalidEventException">naming the first thing wrong.</exception>
    public static EventEnvelope Parse(ReadOnlyMemory<byte> utf8Json) => ParseDocument(() => JsonDocument.Parse(utf8Json, ReadOptions));

    /// <summary>Like <see cref="Parse(string)"/>, but reports a malformed envelope as <paramref name="error"/> instead of throwing.</summary>
    /// <param name="json">One JSON object in the wire form.</param>
    /// <param name="envelope">The envelope when the text is valid.</param>
    /// <param name="error">Why it is not, when it is not.</param>
    /// <returns>True when <paramref name="json"/> is a valid envelope.</returns>
    public static bool TryParse(string json, [NotNullWhen(true)] out EventEnvelope? envelope, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParseDocument(() => JsonDocument.Parse(json, ReadOptions), out envelope, out error);
    }

    /// <summary>Like <see cref="Parse(ReadOnlyMemory{byte})"/>, but reports a malformed envelope as <paramref name="error"/> instead of throwing.</summary>
    /// <param name="utf8Json">One JSON object in the wire form, UTF-8 encoded.</param>
    /// <param name="envelope">The envelope when the bytes are valid.</param>
    /// <param name="error">Why they are not, when they are not.</param>
    /// <returns>True when <paramref name="utf8Json"/> is a valid envelope.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> utf8Json, [NotNullWhen(true)] out EventEnvelope? envelope, [NotNullWhen(false)] out string? error) =>
        TryParseDocument(() => JsonDocument.Parse(utf8Json, ReadOptions), out envelope, out error);

    /// <summary>The wire form of <paramref name="envelope"/> as one line of JSON (no line break).</summary>
    /// <param name="envelope">The envelope to write; its payload must be a JSON object.</param>
    /// <returns>Compact JSON text that <see cref="Parse(string)"/> reads back into an equal envelope.</returns>
    /// <exception cref="InvalidEventException">when the payload is not a JSON object.</exception>
    public static string Serialize(EventEnvelope envelope) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(envelope));

    /// <summary>The wire form of <paramref name="envelope"/> as UTF-8 bytes (e.g. a Kafka message value).</summary>
    /// <param name="envelope">The envelope to write; its payload must be a JSON object.</param>
    /// <returns>Compact UTF-8 JSON.</returns>
    /// <exception cref="InvalidEventException">when the payload is not a JSON object.</exception>
    public static byte[] SerializeToUtf8Bytes(EventEnvelope envelope)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            Write(writer, envelope);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the wire form of <paramref name="envelope"/> to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where to write the JSON object.</param>
    /// <param name="envelope">The envelope to write; its payload must be a JSON object.</param>
    /// <exception cref="InvalidEventException">when the payload is not a JSON object.</exception>
    public static void Write(Utf8JsonWriter writer, EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(envelope);
        using var payload = ParsePayloadText(envelope.Payload);
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

    /// <summary>Throws <see cref="InvalidEventException"/> unless <paramref name="payload"/> is the text of a JSON object.</summary>
    internal static void ValidatePayload(string? payload) => ParsePayloadText(payload).Dispose();

    /// <summary>A JSON value kind as a user would name it in an error message.</summary>
    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    [GeneratedRegex(@"(?:[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex EndsWithOffset();

    /// <summary>Reads one envelope object inside a larger document; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryRead(JsonElement element, [NotNullWhen(true)] out EventEnvelope? envelope, [NotNullWhen(false)] out string? error) =>
        Try(() => ReadValidated(element), out envelope, out error);

    private static bool TryParseDocument(Func<JsonDocument> open, [NotNullWhen(true)] out EventEnvelope? envelope, [NotNullWhen(false)] out string? error) =>
        Try(() => ParseDocument(open), out envelope, out error);

    // The Try* forms answer with the same message the throwing forms would raise, for dead-letter reasons and file errors.
    private static bool Try(Func<EventEnvelope> read, [NotNullWhen(true)] out EventEnvelope? envelope, [NotNullWhen(false)] out string? error)
    {
        try
        {
            envelope = read();
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

    private static EventEnvelope ReadValidated(JsonElement element)
    {
        var envelope = Read(element);
        EventEnvelopeValidation.Validate(envelope);
        return envelope;
    }

    private static EventEnvelope ParseDocument(Func<JsonDocument> open)
    {
        JsonDocument document;
        try
        {
            document = open();
        }
        catch (JsonException notJson)
        {
            throw new InvalidEventException($"not valid JSON ({Where(notJson)}).");
        }
        using (document)
        {
            return ReadValidated(document.RootElement);
        }
    }

    private static EventEnvelope Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidEventException($"an envelope must be a JSON object (was {Describe(root.ValueKind)}).");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (Array.IndexOf(Required, property.Name) < 0 && property.Name != EnqueuedAt)
            {
                throw new InvalidEventException(
                    $"unknown property '{Quote(property.Name)}'; an envelope has {string.Join(", ", Required)} (and optionally {EnqueuedAt}).");
            }
            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw new InvalidEventException($"property '{property.Name}' appears more than once.");
            }
        }
        // Fields are read in wire order, so the first error reported is the first wrong field of the line.
        var tenant = ReadKeyPart(Tenant, Field(fields, Tenant));
        var entity = ReadKeyPart(Entity, Field(fields, Entity));
        var source = ReadKeyPart(Source, Field(fields, Source));
        var seq = ReadSeq(Field(fields, Seq));
        var type = ReadString(Type, Field(fields, Type));
        var occurredAt = ReadTimestamp(OccurredAt, Field(fields, OccurredAt));
        var payload = ReadPayload(Field(fields, Payload));
        var enqueuedAt = fields.TryGetValue(EnqueuedAt, out var enqueued) && enqueued.ValueKind != JsonValueKind.Null
            ? ReadTimestamp(EnqueuedAt, enqueued)
            : (DateTimeOffset?)null;
        return new EventEnvelope(tenant, entity, source, seq, type, occurredAt, payload) { EnqueuedAt = enqueuedAt };
    }

    private static JsonElement Field(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : throw new InvalidEventException($"{name} is required.");

    private static string ReadKeyPart(string name, JsonElement value)
    {
        var text = ReadString(name, value);
        EntityKey.Validate(name, text);
        return text;
    }

    private static string ReadString(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidEventException($"{name} must be a string (was {Describe(value.ValueKind)}).");

    private static long ReadSeq(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seq) && seq >= 1
            ? seq
            : throw new InvalidEventException($"seq must be a positive integer (was {Quote(value.GetRawText())}).");

    private static DateTimeOffset ReadTimestamp(string name, JsonElement value)
    {
        // An offset is required because a bare local time would mean a different instant on every producer's machine.
        if (value.ValueKind == JsonValueKind.String
            && value.TryGetDateTimeOffset(out var timestamp)
            && EndsWithOffset().IsMatch(value.GetString()!))
        {
            return timestamp;
        }
        throw new InvalidEventException(
            $"{name} must be an ISO-8601 timestamp with a time-zone offset, e.g. 2030-01-01T12:00:00Z (was {Quote(value.GetRawText())}).");
    }

    private static string ReadPayload(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidEventException($"payload must be a JSON object (was {Describe(value.ValueKind)}).");
        }
        // Compact and re-encoded the same way as Serialize writes it, so the same event always carries the same text.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            value.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonDocument ParsePayloadText(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            throw new InvalidEventException("payload is required (a JSON object).");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, ReadOptions);
        }
        catch (JsonException notJson)
        {
            throw new InvalidEventException($"payload is not valid JSON ({Where(notJson)}).");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new InvalidEventException($"payload must be a JSON object (was {Describe(kind)}).");
        }
        return document;
    }

    private static string Where(JsonException notJson) =>
        notJson.LineNumber is > 0
            ? $"error at line {notJson.LineNumber + 1}, byte {notJson.BytePositionInLine + 1}"
            : $"error at byte {notJson.BytePositionInLine + 1}";

    private static string Quote(string text) => text.Length <= MaxQuotedLength ? text : text[..MaxQuotedLength] + "...";
}
