namespace Actors.Ledger.Projections;

/// <summary>
/// What a run of ledger rows changes in the <c>balances</c> read model: balances per (account, currency) and usage per
/// (account, meter, window, currency). Each key appears once in the whole batch; a store writes it in one transaction.
/// </summary>
/// <param name="Balances">Balance changes whose key the version may already hold (added to it, or inserted).</param>
/// <param name="Usage">Usage changes whose key the version may already hold.</param>
public sealed record BalancesBatch(IReadOnlyList<BalanceDelta> Balances, IReadOnlyList<UsageDelta> Usage)
{
    /// <summary>A batch that changes nothing (the rows held no billing events).</summary>
    public static BalancesBatch Empty { get; } = new([], []);

    /// <summary>
    /// Balance changes whose key the version is known not to hold yet: a rebuild into a fresh version remembers what it
    /// wrote, so a store may insert these without a conflict check (cheaper on PostgreSQL).
    /// </summary>
    public IReadOnlyList<BalanceDelta> NewBalances { get; init; } = [];

    /// <summary>Usage changes whose key the version is known not to hold yet (see <see cref="NewBalances"/>).</summary>
    public IReadOnlyList<UsageDelta> NewUsage { get; init; } = [];

    /// <summary>Every read-model row the batch writes.</summary>
    public int KeyCount => Balances.Count + Usage.Count + NewBalances.Count + NewUsage.Count;
}
