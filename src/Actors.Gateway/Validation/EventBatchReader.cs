using System.Text.Json;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Domain.Lanes;

namespace Actors.Gateway.Validation;

/// <summary>
/// Reads the body of <c>POST /v1/events</c> — a JSON array of envelopes in the wire form of <see cref="EventEnvelopeJson"/>
/// — and checks every envelope (shape, key rules, known type) before any is sent: one bad envelope rejects the batch.
/// </summary>
public sealed class EventBatchReader
{
    private static readonly string[] EnvelopeFields = ["tenant", "entity", "source", "seq", "type", "occurredAt", "payload", "enqueuedAt"];

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 32 };

    private readonly EventRoutingTable _routes;
    private readonly Dictionary<string, EventRoute> _routesByType;
    private readonly int _maxEnvelopes;

    /// <param name="routes">The known types and their routes.</param>
    /// <param name="maxEnvelopes">Most envelopes accepted in one request.</param>
    public EventBatchReader(EventRoutingTable routes, int maxEnvelopes)
    {
        _routes = routes;
        _routesByType = routes.Routes.ToDictionary(r => r.Type, StringComparer.Ordinal);
        _maxEnvelopes = maxEnvelopes;
    }

    /// <summary>The route of <paramref name="type"/>, or null for a type the table does not know.</summary>
    public EventRoute? TryRoute(string type) => _routesByType.GetValueOrDefault(type);

    /// <summary>
    /// The envelopes of <paramref name="body"/> as written, without the schema and value checks (the unprotected
    /// benchmark baseline): only a body that cannot be turned into envelopes at all (not JSON, not an array of objects) is
    /// refused; unknown fields, key rules, types, counts and values are left to the cluster's ingress.
    /// </summary>
    /// <exception cref="GatewayRequestException">400 when the body cannot be parsed into envelopes.</exception>
    public IReadOnlyList<EventEnvelope> ReadUnchecked(ReadOnlyMemory<byte> body)
    {
        using (var document = ParseArray(body))
        {
            var root = document.RootElement;
            var envelopes = new List<EventEnvelope>(root.GetArrayLength());
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                var path = $"events[{index}]";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw BadRequest(path, $"{path}: an envelope must be a JSON object (was {Describe(element.ValueKind)}).");
                }
                try
                {
                    envelopes.Add(ReadLeniently(element));
                }
                catch (InvalidOperationException unreadable)
                {
                    // JsonElement.GetString throws this for escapes that are not valid UTF-16: no envelope can hold such a string.
                    throw BadRequest(path, $"{path}: a string is not valid text ({unreadable.Message})");
                }
                index++;
            }
            return envelopes;
        }
    }

    // A missing or mistyped field becomes empty, zero or the epoch, which the cluster's ingress then refuses by name.
    private static EventEnvelope ReadLeniently(JsonElement element)
    {
        string Text(string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
        var seq = element.TryGetProperty("seq", out var seqElement) && seqElement.ValueKind == JsonValueKind.Number && seqElement.TryGetInt64(out var number) ? number : 0;
        var occurredAt = element.TryGetProperty("occurredAt", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var timestamp)
            ? timestamp
            : DateTimeOffset.UnixEpoch;
        var payload = element.TryGetProperty("payload", out var payloadElement) ? payloadElement.GetRawText() : "";
        return new EventEnvelope(Text("tenant"), Text("entity"), Text("source"), seq, Text("type"), occurredAt, payload);
    }

    /// <summary>Every envelope of <paramref name="body"/>, validated.</summary>
    /// <exception cref="GatewayRequestException">400 naming the first bad field, e.g. <c>events[3].seq</c>.</exception>
    public IReadOnlyList<ValidatedEvent> Read(ReadOnlyMemory<byte> body)
    {
        RequestBody.RequireUtf8(body.Span, "events");
        using (var document = ParseArray(body))
        {
            var root = document.RootElement;
            var count = root.GetArrayLength();
            if (count == 0)
            {
                throw BadRequest("events", "the batch is empty; send at least one envelope.");
            }
            if (count > _maxEnvelopes)
            {
                throw BadRequest("events", $"the batch has {count} envelopes; at most {_maxEnvelopes} are accepted per request.");
            }

            var events = new List<ValidatedEvent>(count);
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                var path = $"events[{index}]";
                EventEnvelope? envelope;
                string? error;
                try
                {
                    EventEnvelopeJson.TryRead(element, out envelope, out error);
                }
                catch (InvalidOperationException unreadable)
                {
                    // JsonElement.GetString throws this for escapes that are not valid UTF-16 (a lone surrogate such as \ud800).
                    throw BadRequest(path, $"{path}: a string is not valid text ({unreadable.Message})");
                }
                if (envelope is null)
                {
                    error ??= "the envelope could not be read.";
                    throw BadRequest(ProblemField.Locate(error, path, EnvelopeFields), $"{path}: {error}");
                }
                EventRoute route;
                try
                {
                    route = _routes.Route(envelope.Type);
                }
                catch (InvalidEventException unknown)
                {
                    throw BadRequest($"{path}.type", $"{path}: {unknown.Message}");
                }
                if (!route.HasConsumer)
                {
                    throw BadRequest($"{path}.type", $"{path}: '{envelope.Type}' is a known type but the cluster has no consumer for it yet; it cannot be published.");
                }
                events.Add(new ValidatedEvent(index, envelope, route));
                index++;
            }
            return events;
        }
    }

    // The body as a JSON document whose root is an array; 400 naming "events" otherwise. The caller disposes it.
    private static JsonDocument ParseArray(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ReadOptions);
        }
        catch (JsonException notJson)
        {
            throw new GatewayRequestException(StatusCodes.Status400BadRequest, "events",
                $"the body is not valid JSON (line {notJson.LineNumber + 1}, byte {notJson.BytePositionInLine + 1}).");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw BadRequest("events", $"the body must be a JSON array of envelopes (was {Describe(kind)}).");
        }
        return document;
    }

    private static GatewayRequestException BadRequest(string field, string detail) => new(StatusCodes.Status400BadRequest, field, detail);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
