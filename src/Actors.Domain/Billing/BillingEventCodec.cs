using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Actors.Contracts.Billing;

namespace Actors.Domain.Billing;

/// <summary>
/// Turns billing events into the ledger's <c>(type, payload)</c> columns and back. The payload is camelCase JSON
/// without the type (the type has its own column); the same event always gives the same text.
/// </summary>
public static class BillingEventCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitTypeName } },
    };

    /// <summary>The ledger payload of <paramref name="e"/>.</summary>
    /// <exception cref="InvalidOperationException">when <paramref name="e"/> is not one of the four billing event types.</exception>
    public static string Serialize(BillingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            UsageRecorded usage => JsonSerializer.Serialize(usage, Options),
            CreditGranted credit => JsonSerializer.Serialize(credit, Options),
            PaymentReceived payment => JsonSerializer.Serialize(payment, Options),
            AdjustmentPosted adjustment => JsonSerializer.Serialize(adjustment, Options),
            _ => throw new InvalidOperationException($"'{e.GetType().Name}' is not a billing event type the ledger stores."),
        };
    }

    /// <summary>The event stored on a ledger row with <paramref name="type"/> and <paramref name="payload"/>.</summary>
    /// <exception cref="InvalidOperationException">when <paramref name="type"/> is unknown or the payload is JSON null.</exception>
    /// <exception cref="JsonException">when the payload is not a valid event of that type (e.g. a required field is missing).</exception>
    public static BillingEvent Deserialize(string type, string payload)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(payload);
        BillingEvent? e = type switch
        {
            "UsageRecorded" => JsonSerializer.Deserialize<UsageRecorded>(payload, Options),
            "CreditGranted" => JsonSerializer.Deserialize<CreditGranted>(payload, Options),
            "PaymentReceived" => JsonSerializer.Deserialize<PaymentReceived>(payload, Options),
            "AdjustmentPosted" => JsonSerializer.Deserialize<AdjustmentPosted>(payload, Options),
            _ => throw new InvalidOperationException($"ledger type '{type}' is not a billing event type."),
        };
        return e ?? throw new InvalidOperationException($"ledger payload of type '{type}' is null.");
    }

    // Type is derived from the CLR type and stored in its own ledger column; repeating it in the payload invites disagreement.
    private static void OmitTypeName(JsonTypeInfo info)
    {
        if (!typeof(BillingEvent).IsAssignableFrom(info.Type))
        {
            return;
        }
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is PropertyInfo { Name: nameof(BillingEvent.Type) })
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
