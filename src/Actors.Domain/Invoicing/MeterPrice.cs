namespace Actors.Domain.Invoicing;

/// <summary>
/// How a plan prices one meter: a flat price per unit, or graduated tiers where each unit is charged at the price of the
/// tier it falls in (the first 1000 units at one price, the next ones at another, ...).
/// </summary>
public sealed class MeterPrice
{
    private MeterPrice(long? unitPriceMinor, IReadOnlyList<PriceTier> tiers)
    {
        UnitPriceMinor = unitPriceMinor;
        Tiers = tiers;
    }

    /// <summary>The flat price per unit; null when the meter is priced by <see cref="Tiers"/>.</summary>
    public long? UnitPriceMinor { get; }

    /// <summary>The graduated tiers, ascending, the last one unbounded; empty for a flat price.</summary>
    public IReadOnlyList<PriceTier> Tiers { get; }

    /// <summary>A flat price of <paramref name="unitPriceMinor"/> per unit.</summary>
    /// <exception cref="PricePlanFormatException">when the price is negative.</exception>
    public static MeterPrice Flat(long unitPriceMinor)
    {
        if (unitPriceMinor < 0)
        {
            throw new PricePlanFormatException("unitPriceMinor", $"must not be negative (was {unitPriceMinor}).");
        }
        return new MeterPrice(unitPriceMinor, []);
    }

    /// <summary>Graduated <paramref name="tiers"/>.</summary>
    /// <exception cref="PricePlanFormatException">
    /// when there are no tiers, a price is negative, a bound is not positive or not above the previous one, or the
    /// unbounded tier is missing or not last.
    /// </exception>
    public static MeterPrice Graduated(IReadOnlyList<PriceTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.Count == 0)
        {
            throw new PricePlanFormatException("tiers", "needs at least one tier.");
        }
        long previous = 0;
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if (tier.UnitPriceMinor < 0)
            {
                throw new PricePlanFormatException($"tiers[{i}].unitPriceMinor", $"must not be negative (was {tier.UnitPriceMinor}).");
            }
            var last = i == tiers.Count - 1;
            if (tier.UpTo is not { } upTo)
            {
                if (!last)
                {
                    throw new PricePlanFormatException($"tiers[{i}].upTo", "only the last tier may be unbounded (upTo null).");
                }
                continue;
            }
            if (last)
            {
                throw new PricePlanFormatException($"tiers[{i}].upTo",
                    $"the last tier must be unbounded (upTo null) so that every quantity has a price (was {upTo}).");
            }
            if (upTo <= previous)
            {
                throw new PricePlanFormatException($"tiers[{i}].upTo", i == 0
                    ? $"must be greater than 0 (was {upTo})."
                    : $"tiers must ascend: {upTo} is not above the previous tier's upTo {previous}.");
            }
            previous = upTo;
        }
        return new MeterPrice(null, [.. tiers]);
    }

    /// <summary>The charge for <paramref name="quantity"/> units, in minor units.</summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="quantity"/> is negative.</exception>
    /// <exception cref="OverflowException">when the charge does not fit in 64 bits.</exception>
    public long Rate(long quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        if (UnitPriceMinor is { } flat)
        {
            return checked(quantity * flat);
        }
        long total = 0;
        long below = 0;
        foreach (var tier in Tiers)
        {
            if (quantity <= below)
            {
                break;
            }
            var bound = tier.UpTo ?? long.MaxValue;
            var units = Math.Min(quantity, bound) - below;
            total = checked(total + checked(units * tier.UnitPriceMinor));
            below = bound;
        }
        return total;
    }
}
