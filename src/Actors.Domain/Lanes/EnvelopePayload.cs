using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;

namespace Actors.Domain.Lanes;

/// <summary>
/// The payload of an event on the lanes, with the envelope's key put into it. The envelope carries
/// <c>(source, seq, occurredAt)</c> and is authoritative: a payload that repeats one of them must agree with it, so a
/// producer bug cannot record an event under a key other than the one it is deduplicated by.
/// </summary>
public static class EnvelopePayload
{
    private static readonly string[] KeyFields = ["source", "seq", "occurredAt"];

    /// <summary>The payload of <paramref name="envelope"/> as a JSON object carrying the envelope's key fields.</summary>
    /// <exception cref="InvalidEventException">when the payload is not a JSON object or repeats a key field with another value.</exception>
    public static JsonObject WithKey(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        JsonObject payload;
        try
        {
            payload = JsonNode.Parse(envelope.Payload) as JsonObject
                ?? throw new InvalidEventException($"{Describe(envelope)}: payload must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException($"{Describe(envelope)}: payload is not valid JSON ({ex.Message}).");
        }

        var envelopeKey = new Dictionary<string, JsonNode?>
        {
            ["source"] = JsonValue.Create(envelope.Source),
            ["seq"] = JsonValue.Create(envelope.Seq),
            ["occurredAt"] = JsonValue.Create(envelope.OccurredAt),
        };
        foreach (var field in KeyFields)
        {
            if (payload[field] is { } given && !SameValue(field, given, envelope))
            {
                throw new InvalidEventException($"{Describe(envelope)}: payload {field} {given.ToJsonString()} disagrees with the envelope.");
            }
            payload[field] = envelopeKey[field]?.DeepClone();
        }
        return payload;
    }

    /// <summary>How an envelope is named in error messages: type, entity and key.</summary>
    public static string Describe(EventEnvelope e) => $"{e.Type} {e.Tenant}/{e.Entity} ({e.Source}, {e.Seq})";

    private static bool SameValue(string field, JsonNode given, EventEnvelope envelope)
    {
        try
        {
            return field switch
            {
                "source" => given.GetValue<string>() == envelope.Source,
                "seq" => given.GetValue<long>() == envelope.Seq,
                _ => DateTimeOffset.Parse(given.GetValue<string>(), CultureInfo.InvariantCulture) == envelope.OccurredAt,
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // A value of the wrong JSON kind (e.g. seq as text) cannot agree with the envelope.
            return false;
        }
    }
}
