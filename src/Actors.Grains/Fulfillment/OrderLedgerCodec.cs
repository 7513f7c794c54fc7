using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Grains.Fulfillment;

/// <summary>
/// Maps <see cref="OrderLedgerEvent"/>s to ledger rows and back. The idempotency keys are derived from the row's meaning
/// (the order, attempt n's plan, attempt n's failure, the outcome), so a stale activation that tries to write a row
/// another one already wrote is stopped by the ledger's unique key instead of forking the trail.
/// </summary>
public static class OrderLedgerCodec
{
    /// <summary>Type name of <see cref="OrderReceived"/> rows.</summary>
    public const string OrderReceivedType = "OrderReceived";

    /// <summary>Type name of <see cref="AttemptPlanned"/> rows.</summary>
    public const string AttemptPlannedType = "AttemptPlanned";

    /// <summary>Type name of <see cref="AttemptFailed"/> rows.</summary>
    public const string AttemptFailedType = "AttemptFailed";

    /// <summary>Type name of <see cref="OrderDecided"/> rows.</summary>
    public const string OrderDecidedType = "OrderDecided";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The row type of <paramref name="entry"/>.</summary>
    public static string TypeOf(OrderLedgerEvent entry) => entry switch
    {
        OrderReceived => OrderReceivedType,
        AttemptPlanned => AttemptPlannedType,
        AttemptFailed => AttemptFailedType,
        OrderDecided => OrderDecidedType,
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry, "not an order ledger event"),
    };

    /// <summary>The row's idempotency key <c>(source, seq)</c>.</summary>
    public static (string Source, long Seq) KeyOf(OrderLedgerEvent entry) => entry switch
    {
        OrderReceived => ("order", 1),
        AttemptPlanned planned => (AttemptSource(planned.Attempt), 1),
        AttemptFailed failed => (AttemptSource(failed.Attempt), 2),
        OrderDecided => ("outcome", 1),
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry, "not an order ledger event"),
    };

    /// <summary>The row's JSON payload.</summary>
    public static string Serialize(OrderLedgerEvent entry) => JsonSerializer.Serialize(entry, entry.GetType(), Json);

    /// <summary>Reads a row written by <see cref="Serialize"/>.</summary>
    /// <exception cref="InvalidOperationException">when the type is unknown or the payload does not parse.</exception>
    public static OrderLedgerEvent Deserialize(string type, string payload)
    {
        var target = type switch
        {
            OrderReceivedType => typeof(OrderReceived),
            AttemptPlannedType => typeof(AttemptPlanned),
            AttemptFailedType => typeof(AttemptFailed),
            OrderDecidedType => typeof(OrderDecided),
            _ => throw new InvalidOperationException($"'{type}' is not an order ledger row type."),
        };
        return (OrderLedgerEvent?)JsonSerializer.Deserialize(payload, target, Json)
            ?? throw new InvalidOperationException($"{type} row has an empty payload.");
    }

    private static string AttemptSource(int attempt) => "attempt/" + attempt.ToString(CultureInfo.InvariantCulture);
}
