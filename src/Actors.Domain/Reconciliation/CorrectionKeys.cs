using Actors.Contracts.Reconciliation;

namespace Actors.Domain.Reconciliation;

/// <summary>
/// The ledger key of the correction for a reconciliation result. It depends only on the result's key, so however often a
/// resolution is retried or repeated the account grain sees one <c>(source, seq)</c> and applies it once.
/// </summary>
public static class CorrectionKeys
{
    /// <summary>Source prefix of every correction; the account ledger shows where an adjustment came from.</summary>
    public const string SourcePrefix = "reconcile:";

    /// <summary>
    /// <c>reconcile:{window}:{plan}</c> (':' separates because sources allow only letters, digits and <c>. _ : @ -</c>) with the kind's number as the sequence: the account is the ledger itself, so
    /// (account, window, plan version, kind) is fully in the key. Small sequence numbers keep the account's dedup state
    /// to a handful of entries per source.
    /// </summary>
    public static AdjustmentKey For(ReconciliationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new AdjustmentKey($"{SourcePrefix}{key.Window}:{key.Plan}", (long)key.Kind);
    }
}
