using Actors.Contracts.Invoicing;
using Actors.Hosting.Invoicing;
using Actors.Testing;
using Xunit;

namespace Actors.IntegrationTests.Invoicing;

/// <summary>The plan files shipped in cluster-config/pricing load, and a folder with a bad file stops loading with its name.</summary>
public sealed class PricePlanDirectoryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actors-pricing-tests", Guid.NewGuid().ToString("N"));

    public PricePlanDirectoryTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_shipped_plans_load_and_version_2_changes_prices()
    {
        var catalog = PricePlanDirectory.Load(Path.Combine(RepositoryLayout.Root, "cluster-config", "pricing"));

        Assert.Contains("standard@1", catalog.Plans.Select(p => p.Id.ToString()));
        Assert.Contains("standard@2", catalog.Plans.Select(p => p.Id.ToString()));
        var v1 = catalog.Find(PricePlanId.Parse("standard@1"));
        var v2 = catalog.Find(PricePlanId.Parse("standard@2"));
        Assert.Equal("USD", v1.Currency);
        Assert.Equal(["api", "api-calls", "egress-mb", "storage", "storage-gb-hours"], v1.Meters.Keys.Order(StringComparer.Ordinal));
        Assert.NotEmpty(v1.Meters["storage"].Tiers);
        Assert.NotEqual(v1.Rate("api", 1000), v2.Rate("api", 1000));
        Assert.NotEqual(v1.Rate("storage", 5000), v2.Rate("storage", 5000));
    }

    [Fact]
    public void A_folder_loads_every_plan_file()
    {
        File.WriteAllText(Path.Combine(_directory, "basic.v1.json"), Plan("basic", 1));
        File.WriteAllText(Path.Combine(_directory, "basic.v2.json"), Plan("basic", 2));
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "not a plan");

        var catalog = PricePlanDirectory.Load(_directory);

        Assert.Equal(["basic@1", "basic@2"], catalog.Plans.Select(p => p.Id.ToString()));
        Assert.Equal(_directory, catalog.Source);
    }

    [Fact]
    public void A_file_whose_name_disagrees_with_its_plan_stops_loading_and_is_named()
    {
        File.WriteAllText(Path.Combine(_directory, "basic.v1.json"), Plan("basic", 1));
        File.WriteAllText(Path.Combine(_directory, "basic.v3.json"), Plan("basic", 2));

        var error = Assert.Throws<InvalidOperationException>(() => PricePlanDirectory.Load(_directory));

        Assert.Contains(Path.Combine(_directory, "basic.v3.json"), error.Message);
        Assert.Contains("holds plan basic@2", error.Message);
    }

    [Fact]
    public void A_malformed_file_stops_loading_with_the_file_and_field()
    {
        File.WriteAllText(Path.Combine(_directory, "basic.v1.json"), Plan("basic", 1).Replace("\"unitPriceMinor\": 2", "\"unitPriceMinor\": -2", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => PricePlanDirectory.Load(_directory));

        Assert.Contains("basic.v1.json", error.Message);
        Assert.Contains("meters.api.unitPriceMinor", error.Message);
    }

    [Fact]
    public void A_missing_folder_gives_an_empty_catalog_that_says_where_it_looked()
    {
        var missing = Path.Combine(_directory, "nowhere");

        var catalog = PricePlanDirectory.Load(missing);

        Assert.Empty(catalog.Plans);
        var error = Assert.Throws<UnknownPricePlanException>(() => catalog.Find(PricePlanId.Parse("standard@1")));
        Assert.Contains(missing, error.Message);
        Assert.Contains("Actors:Invoicing:PricingDirectory", error.Message);
    }

    private static string Plan(string name, int version) =>
        $$"""{ "name": "{{name}}", "version": {{version}}, "currency": "EUR", "meters": { "api": { "unitPriceMinor": 2 } } }""";
}
