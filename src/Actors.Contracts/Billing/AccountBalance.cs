namespace Actors.Contracts.Billing;

/// <summary>
/// What an account owes, derived from its ledger. <c>BalanceMinor</c> per currency is charges minus payments and
/// credits plus adjustments (positive: the customer owes). <c>UsageByMeter</c> totals recorded units.
/// </summary>
[GenerateSerializer, Immutable, Alias("billing.account-balance")]
public sealed record AccountBalance(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Account,
    [property: Id(2)] Dictionary<string, long> BalanceMinor,
    [property: Id(3)] Dictionary<string, long> UsageByMeter,
    [property: Id(4)] long EventCount,
    [property: Id(5)] long LedgerPosition);
