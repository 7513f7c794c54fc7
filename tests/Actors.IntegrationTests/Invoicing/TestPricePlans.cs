using Actors.Domain.Invoicing;

namespace Actors.IntegrationTests.Invoicing;

/// <summary>A catalog of two versions: api at 2 then 3 per unit; storage graduated 5 up to 10, then 1.</summary>
internal static class TestPricePlans
{
    public static PricePlanCatalog Catalog { get; } = new([Version(1, apiPrice: 2), Version(2, apiPrice: 3)], "tests");

    private static PricePlan Version(int version, long apiPrice) => PricePlan.Parse($$"""
        {
          "name": "test", "version": {{version}}, "currency": "USD",
          "meters": {
            "api": { "unitPriceMinor": {{apiPrice}} },
            "storage": { "tiers": [ { "upTo": 10, "unitPriceMinor": 5 }, { "upTo": null, "unitPriceMinor": 1 } ] }
          }
        }
        """);
}
