namespace Actors.Ledger.Projections;

/// <summary>One account as the <c>balances</c> projection holds it.</summary>
/// <param name="Tenant">The account's tenant.</param>
/// <param name="Account">The account id within the tenant.</param>
/// <param name="BalanceMinor">Amount owed per currency in minor units (positive: the customer owes).</param>
/// <param name="Usage">Usage per meter, window and currency, ordered by meter, window, currency.</param>
/// <param name="EventCount">How many billing events of the account were applied.</param>
/// <param name="LastPosition">The highest position of the account's ledger that was applied.</param>
public sealed record AccountProjection(
    string Tenant,
    string Account,
    IReadOnlyDictionary<string, long> BalanceMinor,
    IReadOnlyList<MeterUsage> Usage,
    long EventCount,
    long LastPosition);
