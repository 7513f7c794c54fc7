using Actors.Hosting;
using Actors.Tests.Clusters;

namespace Actors.Tests.Invoicing;

/// <summary>
/// A gateway silo whose price plans are the tests' own: <c>test@1</c> (default; api 2 per unit, storage 5 up to 10 units
/// then 1) and <c>test@2</c> (api 3).
/// </summary>
public sealed class InvoicingSiloFixture : GatewaySiloFixture
{
    protected override IEnumerable<(string File, string Json)> PricePlans() =>
        [("test.v1.json", Plan(1, apiPrice: 2)), ("test.v2.json", Plan(2, apiPrice: 3))];

    // Small batches, so a tenant of a few accounts already takes several batches in parallel.
    protected override void Configure(ActorsSiloOptions options)
    {
        options.Invoicing.DefaultPlan = "test@1";
        options.Invoicing.AccountBatchSize = 3;
        options.Invoicing.Parallelism = 2;
    }

    private static string Plan(int version, long apiPrice) => $$"""
        {
          "name": "test", "version": {{version}}, "currency": "USD",
          "meters": {
            "api": { "unitPriceMinor": {{apiPrice}} },
            "storage": { "tiers": [ { "upTo": 10, "unitPriceMinor": 5 }, { "upTo": null, "unitPriceMinor": 1 } ] }
          }
        }
        """;
}
