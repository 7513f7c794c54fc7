using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary>
/// Turns stock transitions into the ledger's <c>(type, payload)</c> columns and back. The payload is camelCase JSON with
/// enums by name; the type, source and seq have their own columns and are not repeated in it.
/// </summary>
public static class StockTransitionCodec
{
    private static readonly HashSet<string> DerivedProperties =
        [nameof(StockEvent.Type), nameof(StockTransition.LedgerSource), nameof(StockTransition.LedgerSeq)];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitDerived } },
    };

    /// <summary>The ledger type column of <paramref name="transition"/>: the event's type, or the reservation transition's name.</summary>
    public static string TypeOf(StockTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return transition switch
        {
            StockEventRecorded recorded => recorded.Event.Type,
            ReservationPlaced => nameof(ReservationPlaced),
            ReservationConfirmed => nameof(ReservationConfirmed),
            ReservationReleased => nameof(ReservationReleased),
            ReservationExpired => nameof(ReservationExpired),
            TransferSent => nameof(TransferSent),
            TransferReceived => nameof(TransferReceived),
            TransferCompleted => nameof(TransferCompleted),
            _ => throw new InvalidOperationException($"'{transition.GetType().Name}' is not a stock transition the ledger stores."),
        };
    }

    /// <summary>The ledger payload of <paramref name="transition"/>.</summary>
    /// <exception cref="InvalidOperationException">when the transition or its event is not a known type.</exception>
    public static string Serialize(StockTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return transition switch
        {
            StockEventRecorded { Event: StockReceived e } => JsonSerializer.Serialize(e, Options),
            StockEventRecorded { Event: StockAdjusted e } => JsonSerializer.Serialize(e, Options),
            StockEventRecorded { Event: ShipmentDispatched e } => JsonSerializer.Serialize(e, Options),
            StockEventRecorded { Event: ReturnReceived e } => JsonSerializer.Serialize(e, Options),
            StockEventRecorded { Event: DamageRecorded e } => JsonSerializer.Serialize(e, Options),
            ReservationPlaced t => JsonSerializer.Serialize(t, Options),
            ReservationConfirmed t => JsonSerializer.Serialize(t, Options),
            ReservationReleased t => JsonSerializer.Serialize(t, Options),
            ReservationExpired t => JsonSerializer.Serialize(t, Options),
            TransferSent t => JsonSerializer.Serialize(t, Options),
            TransferReceived t => JsonSerializer.Serialize(t, Options),
            TransferCompleted t => JsonSerializer.Serialize(t, Options),
            _ => throw new InvalidOperationException($"'{transition}' is not a stock transition the ledger stores."),
        };
    }

    /// <summary>The transition stored on a ledger row with <paramref name="type"/> and <paramref name="payload"/>.</summary>
    /// <exception cref="InvalidOperationException">when <paramref name="type"/> is unknown or the payload is JSON null.</exception>
    /// <exception cref="JsonException">when the payload is not a valid transition of that type.</exception>
    public static StockTransition Deserialize(string type, string payload)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(payload);
        StockTransition? transition = type switch
        {
            "StockReceived" => Recorded(JsonSerializer.Deserialize<StockReceived>(payload, Options)),
            "StockAdjusted" => Recorded(JsonSerializer.Deserialize<StockAdjusted>(payload, Options)),
            "ShipmentDispatched" => Recorded(JsonSerializer.Deserialize<ShipmentDispatched>(payload, Options)),
            "ReturnReceived" => Recorded(JsonSerializer.Deserialize<ReturnReceived>(payload, Options)),
            "DamageRecorded" => Recorded(JsonSerializer.Deserialize<DamageRecorded>(payload, Options)),
            nameof(ReservationPlaced) => JsonSerializer.Deserialize<ReservationPlaced>(payload, Options),
            nameof(ReservationConfirmed) => JsonSerializer.Deserialize<ReservationConfirmed>(payload, Options),
            nameof(ReservationReleased) => JsonSerializer.Deserialize<ReservationReleased>(payload, Options),
            nameof(ReservationExpired) => JsonSerializer.Deserialize<ReservationExpired>(payload, Options),
            nameof(TransferSent) => JsonSerializer.Deserialize<TransferSent>(payload, Options),
            nameof(TransferReceived) => JsonSerializer.Deserialize<TransferReceived>(payload, Options),
            nameof(TransferCompleted) => JsonSerializer.Deserialize<TransferCompleted>(payload, Options),
            _ => throw new InvalidOperationException($"ledger type '{type}' is not a stock transition type."),
        };
        return transition ?? throw new InvalidOperationException($"ledger payload of type '{type}' is null.");
    }

    private static StockEventRecorded? Recorded(StockEvent? e) => e is null ? null : new StockEventRecorded(e);

    // Derived members are computed from the rest (or stored in their own ledger columns); storing them twice invites disagreement.
    private static void OmitDerived(JsonTypeInfo info)
    {
        if (!typeof(StockEvent).IsAssignableFrom(info.Type) && !typeof(StockTransition).IsAssignableFrom(info.Type))
        {
            return;
        }
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is PropertyInfo { Name: var name } && DerivedProperties.Contains(name))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
