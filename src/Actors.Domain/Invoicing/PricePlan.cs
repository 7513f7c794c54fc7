using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Invoicing;

namespace Actors.Domain.Invoicing;

/// <summary>
/// A versioned price plan: the currency of its invoices and a price per meter. A version never changes once invoices
/// were issued under it; a new price is a new version (a new file in <c>cluster-config/pricing/</c>).
/// </summary>
public sealed class PricePlan
{
    /// <summary>A plan; see <see cref="Parse"/> for the file form.</summary>
    /// <exception cref="PricePlanFormatException">when the currency is not 3 uppercase letters, there are no meters, or a meter name is invalid.</exception>
    public PricePlan(PricePlanId id, string currency, IReadOnlyDictionary<string, MeterPrice> meters)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(meters);
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new PricePlanFormatException("currency", $"must be a 3-letter uppercase ISO-4217 code such as USD (was '{currency}').");
        }
        if (meters.Count == 0)
        {
            throw new PricePlanFormatException("meters", "needs at least one meter.");
        }
        foreach (var meter in meters.Keys)
        {
            try
            {
                // The rules usage events are validated with, so every recordable meter name can be priced.
                EntityKey.Validate("meter", meter);
            }
            catch (InvalidEventException invalid)
            {
                throw new PricePlanFormatException($"meters.{meter}", invalid.Message, invalid);
            }
        }
        Id = id;
        Currency = currency;
        Meters = new Dictionary<string, MeterPrice>(meters, StringComparer.Ordinal);
    }

    /// <summary>The plan's name and version.</summary>
    public PricePlanId Id { get; }

    /// <summary>ISO-4217 code of every amount the plan rates.</summary>
    public string Currency { get; }

    /// <summary>The price of each meter, by meter name (ordinal).</summary>
    public IReadOnlyDictionary<string, MeterPrice> Meters { get; }

    /// <summary>The charge for <paramref name="quantity"/> units of <paramref name="meter"/>, in minor units of <see cref="Currency"/>.</summary>
    /// <exception cref="UnknownMeterException">when the plan has no price for <paramref name="meter"/>.</exception>
    /// <exception cref="OverflowException">when the charge does not fit in 64 bits.</exception>
    public long Rate(string meter, long quantity)
    {
        ArgumentNullException.ThrowIfNull(meter);
        if (!Meters.TryGetValue(meter, out var price))
        {
            throw new UnknownMeterException(Id.ToString(), [meter], [], 0);
        }
        try
        {
            return price.Rate(quantity);
        }
        catch (OverflowException overflow)
        {
            throw new OverflowException($"{quantity} units of '{meter}' under {Id} cost more than 64-bit minor units hold.", overflow);
        }
    }

    /// <summary>
    /// Reads a plan from its JSON form:
    /// <code>
    /// { "name": "standard", "version": 1, "currency": "USD", "description": "optional",
    ///   "meters": { "api": { "unitPriceMinor": 2 },
    ///               "storage": { "tiers": [ { "upTo": 1000, "unitPriceMinor": 5 }, { "upTo": null, "unitPriceMinor": 3 } ] } } }
    /// </code>
    /// </summary>
    /// <exception cref="PricePlanFormatException">naming the first bad field.</exception>
    public static PricePlan Parse(string json) => PricePlanJson.Read(json);
}
