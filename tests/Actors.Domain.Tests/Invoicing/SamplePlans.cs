using Actors.Domain.Invoicing;

namespace Actors.Domain.Tests.Invoicing;

/// <summary>Price plans for tests: api flat at 2, storage graduated 5 up to 10, 3 up to 100, then 1.</summary>
internal static class SamplePlans
{
    public const string Json = """
        {
          "name": "test",
          "version": 1,
          "currency": "USD",
          "meters": {
            "api": { "unitPriceMinor": 2 },
            "storage": { "tiers": [ { "upTo": 10, "unitPriceMinor": 5 }, { "upTo": 100, "unitPriceMinor": 3 }, { "upTo": null, "unitPriceMinor": 1 } ] }
          }
        }
        """;

    public static PricePlan Test { get; } = PricePlan.Parse(Json);

    /// <summary><see cref="Json"/> with <paramref name="find"/> replaced by <paramref name="replacement"/> (which must occur).</summary>
    public static string JsonWith(string find, string replacement)
    {
        Assert.Contains(find, Json);
        return Json.Replace(find, replacement, StringComparison.Ordinal);
    }
}
