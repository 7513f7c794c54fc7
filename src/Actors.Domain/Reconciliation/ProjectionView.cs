namespace Actors.Domain.Reconciliation;

/// <summary>What the balances projection holds for one account, as the reconciler compares it with the ledger.</summary>
/// <param name="BalanceMinor">Amount owed per currency.</param>
/// <param name="UsageQuantity">Units per (meter, window <c>yyyy-MM</c>).</param>
/// <param name="LastPosition">The highest position of the account's ledger the projection has applied.</param>
public sealed record ProjectionView(
    IReadOnlyDictionary<string, long> BalanceMinor,
    IReadOnlyDictionary<(string Meter, string Window), long> UsageQuantity,
    long LastPosition);
