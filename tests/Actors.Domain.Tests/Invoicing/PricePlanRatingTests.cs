using Actors.Contracts.Invoicing;
using Actors.Domain.Invoicing;
using CsCheck;

namespace Actors.Domain.Tests.Invoicing;

/// <summary>Flat and graduated rating, with checked arithmetic and a clear error for an unpriced meter.</summary>
public sealed class PricePlanRatingTests
{
    private readonly PricePlan _plan = SamplePlans.Test;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    [InlineData(1234, 2468)]
    public void A_flat_price_is_quantity_times_unit_price(long quantity, long expected) =>
        Assert.Equal(expected, _plan.Rate("api", quantity));

    [Theory]
    // Tiers: 5 per unit for units 1..10, 3 for 11..100, 1 from 101 on.
    [InlineData(0, 0)]
    [InlineData(7, 35)]
    [InlineData(10, 50)]
    [InlineData(11, 53)]
    [InlineData(100, 50 + 270)]
    [InlineData(101, 50 + 270 + 1)]
    [InlineData(1000, 50 + 270 + 900)]
    public void A_graduated_price_charges_each_unit_at_its_tier(long quantity, long expected) =>
        Assert.Equal(expected, _plan.Rate("storage", quantity));

    [Fact]
    public void Graduated_rating_equals_pricing_unit_by_unit()
    {
        Gen.Long[0, 400].Sample(quantity =>
        {
            long byUnit = 0;
            for (long unit = 1; unit <= quantity; unit++)
            {
                byUnit += unit <= 10 ? 5 : unit <= 100 ? 3 : 1;
            }
            Assert.Equal(byUnit, _plan.Rate("storage", quantity));
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void An_unknown_meter_names_the_meter_and_the_plan()
    {
        var error = Assert.Throws<UnknownMeterException>(() => _plan.Rate("gpu-hours", 3));

        Assert.Equal("test@1", error.Plan);
        Assert.Equal(["gpu-hours"], error.Meters);
        Assert.Contains("'gpu-hours'", error.Message);
        Assert.Contains("test@1", error.Message);
    }

    [Fact]
    public void A_charge_beyond_64_bits_overflows_instead_of_wrapping()
    {
        var error = Assert.Throws<OverflowException>(() => _plan.Rate("api", long.MaxValue / 2 + 1));

        Assert.Contains("'api'", error.Message);
    }

    [Fact]
    public void A_negative_quantity_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _plan.Rate("api", -1));
}
