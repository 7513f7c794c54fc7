using Actors.Domain.Billing;

namespace Actors.Ledger.Projections;

/// <summary>
/// What ledger rows do to the <c>balances</c> read model, through <see cref="BillingEffect"/>: the same arithmetic as the
/// account grain. <see cref="LogicVersion"/> names this logic, so a silo can tell a version built by other logic.
/// </summary>
public static class BalanceEffect
{
    /// <summary>
    /// The version of the fold and read-model shape. Bump it whenever either changes: the projection's owner then rebuilds
    /// into a new version on its next start, and readers switch once it has caught up.
    /// </summary>
    /// <remarks>1: balances per currency. 2: plus usage per meter and billing window, and the logic version recorded.</remarks>
    public const int LogicVersion = 2;

    /// <summary>What a version created before logic versions were recorded counts as: the first logic.</summary>
    public const int UnrecordedLogicVersion = 1;

    /// <summary>The changes <paramref name="rows"/> make, one delta per key.</summary>
    /// <exception cref="InvalidOperationException">see <see cref="BalancesFold.Add"/>.</exception>
    public static BalancesBatch Fold(IReadOnlyList<LedgerEntry> rows)
    {
        var fold = new BalancesFold();
        fold.AddRange(rows);
        return fold.ToBatch();
    }
}
