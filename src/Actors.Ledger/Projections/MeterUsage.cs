namespace Actors.Ledger.Projections;

/// <summary>An account's usage of one meter in one billing window, as the <c>balances</c> projection holds it.</summary>
/// <param name="Meter">The meter.</param>
/// <param name="Window">The UTC month, <c>yyyy-MM</c>.</param>
/// <param name="Currency">ISO-4217 code of <paramref name="AmountMinor"/>.</param>
/// <param name="Quantity">Units recorded in the window.</param>
/// <param name="AmountMinor">Their live charge in minor units (quantity × the unit price each event carried; 0 when unpriced).</param>
/// <param name="EventCount">How many usage events were recorded.</param>
public sealed record MeterUsage(string Meter, string Window, string Currency, long Quantity, long AmountMinor, long EventCount);
