using Actors.Domain.Invoicing;

namespace Actors.Domain.Tests.Invoicing;

/// <summary>Plan files are read strictly: every error names the bad field.</summary>
public sealed class PricePlanParsingTests
{
    [Fact]
    public void A_valid_plan_is_read_with_its_prices()
    {
        var plan = PricePlan.Parse(SamplePlans.Json);

        Assert.Equal("test@1", plan.Id.ToString());
        Assert.Equal("USD", plan.Currency);
        Assert.Equal(2, plan.Meters["api"].UnitPriceMinor);
        Assert.Empty(plan.Meters["api"].Tiers);
        Assert.Null(plan.Meters["storage"].UnitPriceMinor);
        Assert.Equal([new PriceTier(10, 5), new PriceTier(100, 3), new PriceTier(null, 1)], plan.Meters["storage"].Tiers);
    }

    [Theory]
    [InlineData("\"unitPriceMinor\": 2 }", "\"unitPriceMinor\": -2 }", "meters.api.unitPriceMinor", "negative")]
    [InlineData("{ \"upTo\": 100, \"unitPriceMinor\": 3 }", "{ \"upTo\": 100, \"unitPriceMinor\": -3 }", "meters.storage.tiers[1].unitPriceMinor", "negative")]
    [InlineData("{ \"upTo\": 100,", "{ \"upTo\": 10,", "meters.storage.tiers[1].upTo", "ascend")]
    [InlineData("{ \"upTo\": 10,", "{ \"upTo\": 0,", "meters.storage.tiers[0].upTo", "greater than 0")]
    [InlineData("{ \"upTo\": 10,", "{ \"upTo\": null,", "meters.storage.tiers[0].upTo", "only the last tier may be unbounded")]
    [InlineData("{ \"upTo\": null, \"unitPriceMinor\": 1 }", "{ \"upTo\": 1000, \"unitPriceMinor\": 1 }", "meters.storage.tiers[2].upTo", "last tier must be unbounded")]
    [InlineData("\"currency\": \"USD\"", "\"currency\": \"usd\"", "currency", "3-letter uppercase")]
    [InlineData("\"currency\": \"USD\"", "\"currency\": \"USDX\"", "currency", "3-letter uppercase")]
    [InlineData("\"version\": 1", "\"version\": 0", "version", "positive")]
    [InlineData("\"version\": 1", "\"version\": 1.5", "version", "whole number")]
    [InlineData("\"name\": \"test\"", "\"name\": \"Test Plan\"", "name", "not a plan name")]
    [InlineData("\"api\": { \"unitPriceMinor\": 2 }", "\"api\": { \"unitPrice\": 2 }", "meters.api.unitPrice", "not a known field")]
    [InlineData("\"api\": { \"unitPriceMinor\": 2 }", "\"api\": { }", "meters.api", "either unitPriceMinor")]
    [InlineData("\"api\": { \"unitPriceMinor\": 2 }", "\"api\": { \"unitPriceMinor\": 2, \"tiers\": [] }", "meters.api", "not both")]
    [InlineData("\"api\": { \"unitPriceMinor\": 2 }", "\"a pi\": { \"unitPriceMinor\": 2 }", "meters.a pi", "may only contain")]
    [InlineData("\"tiers\": [ { \"upTo\": 10, \"unitPriceMinor\": 5 }, { \"upTo\": 100, \"unitPriceMinor\": 3 }, { \"upTo\": null, \"unitPriceMinor\": 1 } ]", "\"tiers\": []", "meters.storage.tiers", "at least one tier")]
    [InlineData("\"currency\": \"USD\",", "\"currency\": \"USD\", \"discount\": 5,", "discount", "not a known field")]
    public void A_bad_field_is_named(string find, string replacement, string field, string problem)
    {
        var error = Assert.Throws<PricePlanFormatException>(() => PricePlan.Parse(SamplePlans.JsonWith(find, replacement)));

        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith(field + ":", error.Message);
    }

    [Fact]
    public void A_plan_without_meters_is_refused()
    {
        var error = Assert.Throws<PricePlanFormatException>(() =>
            PricePlan.Parse("""{ "name": "empty", "version": 1, "currency": "EUR", "meters": { } }"""));

        Assert.Equal("meters", error.Field);
        Assert.Contains("at least one meter", error.Message);
    }

    [Theory]
    [InlineData("""{ "version": 1, "currency": "EUR", "meters": { "a": { "unitPriceMinor": 1 } } }""", "name")]
    [InlineData("""{ "name": "x", "currency": "EUR", "meters": { "a": { "unitPriceMinor": 1 } } }""", "version")]
    [InlineData("""{ "name": "x", "version": 1, "meters": { "a": { "unitPriceMinor": 1 } } }""", "currency")]
    [InlineData("""{ "name": "x", "version": 1, "currency": "EUR" }""", "meters")]
    public void A_missing_field_is_named(string json, string field)
    {
        var error = Assert.Throws<PricePlanFormatException>(() => PricePlan.Parse(json));

        Assert.Equal(field, error.Field);
        Assert.Contains("required", error.Message);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        var error = Assert.Throws<PricePlanFormatException>(() => PricePlan.Parse("name: standard"));

        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void A_file_name_that_agrees_with_the_plan_is_accepted()
    {
        var plan = PricePlanFile.Parse("/etc/actors/pricing/test.v1.json", SamplePlans.Json);

        Assert.Equal("test@1", plan.Id.ToString());
        Assert.Equal("test.v1.json", PricePlanFile.NameOf(plan));
    }

    [Theory]
    [InlineData("test.v2.json", "test@2")]
    [InlineData("standard.v1.json", "standard@1")]
    public void A_file_name_that_disagrees_with_the_plan_is_refused(string fileName, string saysPlan)
    {
        var error = Assert.Throws<PricePlanFormatException>(() => PricePlanFile.Parse(fileName, SamplePlans.Json));

        Assert.Contains($"{fileName} holds plan test@1 but its file name says {saysPlan}", error.Message);
    }

    [Theory]
    [InlineData("test.json")]
    [InlineData("test-v1.json")]
    [InlineData("test.v1.yaml")]
    public void A_file_name_not_of_the_form_name_v_version_is_refused(string fileName)
    {
        var error = Assert.Throws<PricePlanFormatException>(() => PricePlanFile.Parse(fileName, SamplePlans.Json));

        Assert.Contains("must be named {name}.v{version}.json", error.Message);
    }

    [Fact]
    public void A_malformed_file_names_the_file_and_the_field()
    {
        var error = Assert.Throws<PricePlanFormatException>(() =>
            PricePlanFile.Parse("test.v1.json", SamplePlans.JsonWith("\"unitPriceMinor\": 2 }", "\"unitPriceMinor\": -2 }")));

        Assert.Equal("meters.api.unitPriceMinor", error.Field);
        Assert.Contains("(in test.v1.json)", error.Message);
    }
}
