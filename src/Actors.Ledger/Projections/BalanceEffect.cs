using Actors.Contracts.Billing;
using Actors.Domain;
using Actors.Domain.Billing;

namespace Actors.Ledger.Projections;

/// <summary>
/// What ledger rows do to account balances, through <see cref="BillingEffect"/>: the same arithmetic as the account grain.
/// </summary>
public static class BalanceEffect
{
    private const string AccountLedgerPrefix = "account/";

    private static readonly HashSet<string> BillingTypes = new(StringComparer.Ordinal)
    {
        "UsageRecorded", "CreditGranted", "PaymentReceived", "AdjustmentPosted",
    };

    /// <summary>
    /// The balance changes of <paramref name="rows"/>, folded per (ledger, currency). Rows outside account ledgers and
    /// rows of other event types carry no balance and are passed over.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// when an account ledger's id does not match its tenant, or a billing row cannot be decoded: skipping it would
    /// silently miscount, so the projection stops on it.
    /// </exception>
    public static IReadOnlyList<BalanceDelta> Fold(IReadOnlyList<LedgerEntry> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var folded = new Dictionary<(string Ledger, string Currency), BalanceDelta>();
        foreach (var row in rows)
        {
            if (!row.Ledger.StartsWith(AccountLedgerPrefix, StringComparison.Ordinal) || !BillingTypes.Contains(row.Type))
            {
                continue;
            }
            var tenantPrefix = LedgerNames.Account(row.Tenant, string.Empty);
            if (!row.Ledger.StartsWith(tenantPrefix, StringComparison.Ordinal) || row.Ledger.Length == tenantPrefix.Length)
            {
                throw new InvalidOperationException(
                    $"ledger '{row.Ledger}' at global position {row.GlobalPosition} is not an account ledger of tenant '{row.Tenant}'.");
            }
            BillingEvent e;
            try
            {
                e = BillingEventCodec.Deserialize(row.Type, row.Payload);
            }
            catch (System.Text.Json.JsonException invalid)
            {
                throw new InvalidOperationException(
                    $"ledger row at global position {row.GlobalPosition} ('{row.Ledger}', {row.Type}) cannot be decoded: {invalid.Message}", invalid);
            }
            var amount = BillingEffect.AmountMinor(e);
            var key = (row.Ledger, e.Currency);
            folded[key] = folded.TryGetValue(key, out var earlier)
                ? earlier with
                {
                    AmountMinor = checked(earlier.AmountMinor + amount),
                    EventCount = earlier.EventCount + 1,
                    LastPosition = Math.Max(earlier.LastPosition, row.Position),
                }
                : new BalanceDelta(row.Ledger, row.Tenant, row.Ledger[tenantPrefix.Length..], e.Currency, amount, 1, row.Position);
        }
        return [.. folded.Values];
    }
}
