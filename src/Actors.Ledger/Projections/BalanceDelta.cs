namespace Actors.Ledger.Projections;

/// <summary>The change one or more ledger rows make to one account's balance in one currency.</summary>
/// <param name="Ledger">The account's ledger id.</param>
/// <param name="Tenant">The account's tenant.</param>
/// <param name="Account">The account id within the tenant.</param>
/// <param name="Currency">ISO-4217 code of <paramref name="AmountMinor"/>.</param>
/// <param name="AmountMinor">Signed change of the amount owed, in minor units.</param>
/// <param name="EventCount">How many events the change folds together.</param>
/// <param name="LastPosition">The highest ledger position among those events.</param>
public sealed record BalanceDelta(
    string Ledger,
    string Tenant,
    string Account,
    string Currency,
    long AmountMinor,
    long EventCount,
    long LastPosition);
