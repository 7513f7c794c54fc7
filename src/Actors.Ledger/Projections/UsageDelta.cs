namespace Actors.Ledger.Projections;

/// <summary>The change one or more usage rows make to one account's usage of one meter in one billing window.</summary>
/// <param name="Ledger">The account's ledger id.</param>
/// <param name="Tenant">The account's tenant.</param>
/// <param name="Account">The account id within the tenant.</param>
/// <param name="Meter">The meter the usage was recorded on.</param>
/// <param name="Window">The UTC month of the usage's <c>OccurredAt</c>, <c>yyyy-MM</c>.</param>
/// <param name="Currency">ISO-4217 code of <paramref name="AmountMinor"/>.</param>
/// <param name="Quantity">Units recorded.</param>
/// <param name="AmountMinor">The live charge of those units in minor units (0 for unpriced usage).</param>
/// <param name="EventCount">How many usage events the change folds together.</param>
public sealed record UsageDelta(
    string Ledger,
    string Tenant,
    string Account,
    string Meter,
    string Window,
    string Currency,
    long Quantity,
    long AmountMinor,
    long EventCount);
