namespace Actors.Ledger.Projections;

/// <summary>An account's balances as the <c>balances</c> projection holds them.</summary>
/// <param name="Tenant">The account's tenant.</param>
/// <param name="Account">The account id within the tenant.</param>
/// <param name="BalanceMinor">Amount owed per currency in minor units (positive: the customer owes).</param>
/// <param name="EventCount">How many billing events of the account were applied.</param>
/// <param name="LastPosition">The highest ledger position of the account that was applied.</param>
public sealed record AccountBalanceRow(
    string Tenant,
    string Account,
    IReadOnlyDictionary<string, long> BalanceMinor,
    long EventCount,
    long LastPosition);
