namespace Actors.Contracts.Projections;

/// <summary>An account's usage of one meter in one billing window, from the <c>balances</c> projection.</summary>
/// <param name="Meter">The meter.</param>
/// <param name="Window">The UTC month, <c>yyyy-MM</c>.</param>
/// <param name="Currency">ISO-4217 code of <paramref name="AmountMinor"/>.</param>
/// <param name="Quantity">Units recorded in the window.</param>
/// <param name="AmountMinor">Their live charge in minor units (0 for usage recorded without a unit price).</param>
/// <param name="EventCount">Usage events recorded.</param>
[GenerateSerializer, Immutable, Alias("projections.usage")]
public sealed record ProjectionUsage(
    [property: Id(0)] string Meter,
    [property: Id(1)] string Window,
    [property: Id(2)] string Currency,
    [property: Id(3)] long Quantity,
    [property: Id(4)] long AmountMinor,
    [property: Id(5)] long EventCount);
