namespace Actors.Domain.Invoicing;

/// <summary>
/// One step of a graduated price: units up to <see cref="UpTo"/> (inclusive, counted from the first unit of the line) that
/// exceed the previous tier's bound cost <see cref="UnitPriceMinor"/> each.
/// </summary>
/// <param name="UpTo">Cumulative bound of the tier, inclusive; null for the last, unbounded tier.</param>
/// <param name="UnitPriceMinor">Price per unit in this tier, minor units of the plan's currency.</param>
public sealed record PriceTier(long? UpTo, long UnitPriceMinor);
