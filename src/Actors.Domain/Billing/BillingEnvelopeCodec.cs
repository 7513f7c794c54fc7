using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;

namespace Actors.Domain.Billing;

/// <summary>
/// Billing events on the lanes: the envelope carries <c>(tenant, entity, source, seq, type, occurredAt)</c> and the payload
/// the event's own fields (<c>meter</c>, <c>quantity</c>, <c>amountMinor</c>, <c>currency</c>, ...). The envelope is
/// authoritative for the key: a payload that repeats <c>source</c>, <c>seq</c> or <c>occurredAt</c> must agree with it, so
/// a producer bug cannot record an event under a key other than the one it is deduplicated by.
/// </summary>
public static class BillingEnvelopeCodec
{
    private static readonly string[] KeyFields = ["source", "seq", "occurredAt"];

    /// <summary>Whether <paramref name="type"/> is a billing event the account grains consume.</summary>
    public static bool IsBillingType(string type) =>
        type is "UsageRecorded" or "CreditGranted" or "PaymentReceived" or "AdjustmentPosted";

    /// <summary>The validated billing event inside <paramref name="envelope"/>.</summary>
    /// <exception cref="InvalidEventException">with a specific message when anything about the envelope or payload is wrong.</exception>
    public static BillingEvent FromEnvelope(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        EntityKey.Format(envelope.Tenant, envelope.Entity);
        if (!IsBillingType(envelope.Type))
        {
            throw new InvalidEventException($"'{envelope.Type}' is not a billing event type.");
        }

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

        BillingEvent billingEvent;
        try
        {
            billingEvent = BillingEventCodec.Deserialize(envelope.Type, payload.ToJsonString());
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException($"{Describe(envelope)}: payload is not a valid {envelope.Type} ({ex.Message}).");
        }
        BillingValidation.Validate(billingEvent);
        return billingEvent;
    }

    /// <summary>The envelope that carries <paramref name="billingEvent"/> for <paramref name="tenant"/>/<paramref name="account"/>.</summary>
    public static EventEnvelope ToEnvelope(string tenant, string account, BillingEvent billingEvent) =>
        new(tenant, account, billingEvent.Source, billingEvent.Seq, billingEvent.Type, billingEvent.OccurredAt,
            BillingEventCodec.Serialize(billingEvent));

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

    private static string Describe(EventEnvelope e) => $"{e.Type} {e.Tenant}/{e.Entity} ({e.Source}, {e.Seq})";
}
