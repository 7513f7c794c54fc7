using System.Text.Json;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Contracts.Inventory;
using Actors.Domain.Lanes;

namespace Actors.Domain.Inventory;

/// <summary>
/// Stock events on the lanes: the envelope's entity is <c>sku@location</c>, its type one of the stock event types, and the
/// payload the event's own fields in camelCase (<c>quantity</c>, <c>delta</c>, <c>reservationId</c>, <c>fromBucket</c> …);
/// the envelope is authoritative for the key (see <see cref="EnvelopePayload"/>).
/// </summary>
public static class StockEnvelopeCodec
{
    /// <summary>Whether <paramref name="type"/> is a stock event the stock grains consume.</summary>
    public static bool IsStockType(string type) =>
        type is "StockReceived" or "StockAdjusted" or "ShipmentDispatched" or "ReturnReceived" or "DamageRecorded";

    /// <summary>The SKU-location key (<c>tenant/sku@location</c>) and the validated stock event inside <paramref name="envelope"/>.</summary>
    /// <exception cref="InvalidEventException">with a specific message when anything about the envelope or payload is wrong.</exception>
    public static (string Key, StockEvent Event) FromEnvelope(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var key = EntityKey.Format(envelope.Tenant, envelope.Entity);
        StockKey.Parse(key);
        if (!IsStockType(envelope.Type))
        {
            throw new InvalidEventException($"'{envelope.Type}' is not a stock event type.");
        }

        var payload = EnvelopePayload.WithKey(envelope);
        StockTransition transition;
        try
        {
            transition = StockTransitionCodec.Deserialize(envelope.Type, payload.ToJsonString());
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException($"{EnvelopePayload.Describe(envelope)}: payload is not a valid {envelope.Type} ({ex.Message}).");
        }
        var stockEvent = ((StockEventRecorded)transition).Event;
        if (StockEventValidation.Problem(stockEvent) is { } problem)
        {
            throw new InvalidEventException($"{EnvelopePayload.Describe(envelope)}: {problem}");
        }
        return (key, stockEvent);
    }

    /// <summary>The envelope that carries <paramref name="stockEvent"/> for <paramref name="sku"/> at <paramref name="location"/>.</summary>
    public static EventEnvelope ToEnvelope(string tenant, string sku, string location, StockEvent stockEvent)
    {
        ArgumentNullException.ThrowIfNull(stockEvent);
        var key = StockKey.Format(tenant, sku, location);
        return new(tenant, key[(tenant.Length + 1)..], stockEvent.Source, stockEvent.Seq, stockEvent.Type, stockEvent.OccurredAt,
            StockTransitionCodec.Serialize(new StockEventRecorded(stockEvent)));
    }
}
