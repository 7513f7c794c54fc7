using System.Text.Json;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Domain.Lanes;

namespace Actors.Domain.Billing;

/// <summary>
/// Billing events on the lanes: the envelope carries <c>(tenant, entity, source, seq, type, occurredAt)</c> and the payload
/// the event's own fields (<c>meter</c>, <c>quantity</c>, <c>amountMinor</c>, <c>currency</c>, ...); the envelope is
/// authoritative for the key (see <see cref="EnvelopePayload"/>).
/// </summary>
public static class BillingEnvelopeCodec
{
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

        var payload = EnvelopePayload.WithKey(envelope);

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

    private static string Describe(EventEnvelope e) => EnvelopePayload.Describe(e);
}
