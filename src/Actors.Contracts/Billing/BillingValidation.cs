using Actors.Contracts;
using Actors.Contracts.Errors;

namespace Actors.Contracts.Billing;

/// <summary>
/// The one place a billing event is checked before it can reach a ledger, so the SDK, the gateway and the grain reject
/// the same input with the same message.
/// </summary>
public static class BillingValidation
{
    /// <summary>Throws <see cref="InvalidEventException"/> naming the first thing wrong with <paramref name="e"/>.</summary>
    public static void Validate(BillingEvent? e)
    {
        if (e is null)
        {
            throw new InvalidEventException("billing event is required.");
        }

        // Sources share the key-part rules so that (entity, source, seq) is printable and safe in every store.
        EntityKey.Validate("source", e.Source);
        if (e.Seq < 1)
        {
            throw new InvalidEventException($"seq must be 1 or greater (was {e.Seq}).");
        }
        ValidateCurrency(e.Currency);
        if (e.OccurredAt == default)
        {
            throw new InvalidEventException("occurredAt is required.");
        }

        switch (e)
        {
            case UsageRecorded usage:
                ValidateUsage(usage);
                break;
            case CreditGranted credit:
                RequirePositive("credit amountMinor", credit.AmountMinor);
                break;
            case PaymentReceived payment:
                RequirePositive("payment amountMinor", payment.AmountMinor);
                break;
            case AdjustmentPosted adjustment when adjustment.AmountMinor == 0:
                throw new InvalidEventException("adjustment amountMinor must not be 0.");
            case AdjustmentPosted:
                break;
            default:
                throw new InvalidEventException($"unknown billing event type '{e.GetType().Name}'.");
        }
    }

    private static void ValidateCurrency(string? currency)
    {
        if (string.IsNullOrEmpty(currency))
        {
            throw new InvalidEventException("currency is required.");
        }
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidEventException($"currency '{currency}' must be a 3-letter uppercase ISO-4217 code such as USD.");
        }
    }

    private static void ValidateUsage(UsageRecorded usage)
    {
        EntityKey.Validate("meter", usage.Meter);
        RequirePositive("usage quantity", usage.Quantity);
        if (usage.UnitPriceMinor is not { } price)
        {
            return;
        }
        if (price < 0)
        {
            throw new InvalidEventException($"usage unitPriceMinor must not be negative (was {price}).");
        }

        // Rejected here so that a stored event can always be replayed without overflowing.
        if (price > 0 && usage.Quantity > long.MaxValue / price)
        {
            throw new InvalidEventException($"usage charge {usage.Quantity} × {price} does not fit in 64-bit minor units.");
        }
    }

    private static void RequirePositive(string what, long value)
    {
        if (value <= 0)
        {
            throw new InvalidEventException($"{what} must be greater than 0 (was {value}).");
        }
    }
}
