using Actors.Contracts.Billing;

namespace Actors.Domain.Billing;

/// <summary>
/// What one billing event does to the amount owed in its currency: usage adds quantity × unit price (unpriced usage adds
/// 0 until a price plan rates it), credits and payments subtract, adjustments add their signed amount. The account grain's
/// state and the balances projection both use this, so they cannot disagree.
/// </summary>
public static class BillingEffect
{
    /// <summary>The signed change of the amount owed that <paramref name="e"/> makes in <c>e.Currency</c>.</summary>
    /// <exception cref="OverflowException">when the amount does not fit in 64 bits.</exception>
    public static long AmountMinor(BillingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            UsageRecorded usage => checked(usage.Quantity * (usage.UnitPriceMinor ?? 0)),
            CreditGranted credit => checked(-credit.AmountMinor),
            PaymentReceived payment => checked(-payment.AmountMinor),
            AdjustmentPosted adjustment => adjustment.AmountMinor,
            _ => throw new InvalidOperationException($"'{e.GetType().Name}' is not a billing event type an account can apply."),
        };
    }
}
