using Actors.Contracts.Invoicing;
using Actors.Domain.Invoicing;

namespace Actors.Domain.Tests.Invoicing;

public sealed class PricePlanCatalogTests
{
    private static readonly PricePlan Second = PricePlan.Parse(SamplePlans.JsonWith("\"version\": 1", "\"version\": 2"));

    [Fact]
    public void Finds_a_plan_by_name_and_version()
    {
        var catalog = new PricePlanCatalog([Second, SamplePlans.Test], "tests");

        Assert.Same(Second, catalog.Find(PricePlanId.Parse("test@2")));
        Assert.Equal(["test@1", "test@2"], catalog.Plans.Select(p => p.Id.ToString()));
    }

    [Fact]
    public void An_unknown_plan_lists_the_known_ones_and_where_they_came_from()
    {
        var catalog = new PricePlanCatalog([SamplePlans.Test, Second], "/srv/pricing");

        var error = Assert.Throws<UnknownPricePlanException>(() => catalog.Find(PricePlanId.Parse("test@3")));

        Assert.Equal("test@3", error.Plan);
        Assert.Equal(["test@1", "test@2"], error.KnownPlans);
        Assert.Contains("test@1, test@2", error.Message);
        Assert.Contains("/srv/pricing", error.Message);
    }

    [Fact]
    public void An_empty_catalog_says_why()
    {
        var error = Assert.Throws<UnknownPricePlanException>(() =>
            new PricePlanCatalog([], "no price plan folder").Find(PricePlanId.Parse("standard@1")));

        Assert.Contains("no price plans are loaded (no price plan folder)", error.Message);
    }

    [Fact]
    public void The_same_version_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PricePlanCatalog([SamplePlans.Test, PricePlan.Parse(SamplePlans.Json)], "dir"));

        Assert.Contains("test@1 appears twice", error.Message);
    }
}
