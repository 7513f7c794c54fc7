using Actors.Domain;
using Actors.Hosting;
using Actors.Ledger.Projections;
using Actors.Tests.Clusters;
using Microsoft.Data.Sqlite;

namespace Actors.Tests.Reconciliation;

/// <summary>
/// A gateway silo for the reconciler's tests: plan <c>standard@1</c> (api 2 per unit; storage 5 up to 1000 units, then 3)
/// is the default, small batches so a few accounts already fan out, and no continuous schedule unless a derived fixture
/// turns it on.
/// </summary>
public abstract class ReconciliationSiloFixtureBase : GatewaySiloFixture
{
    /// <summary>
    /// Changes an account's balance in the active balances projection behind its runner's back, as a bug in projection code
    /// or a hand-edited row would: the ledger is unchanged, so the projection now drifts from it.
    /// </summary>
    public async Task CorruptProjectedBalanceAsync(string tenant, string account, long deltaMinor)
    {
        var version = await new BalancesProjectionReader(Service<IBalancesProjectionStore>()).ReadActiveAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("the balances projection has no active version yet.");
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "projections.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {BalancesTable.Name(version.Version)} SET balance_minor = balance_minor + $delta WHERE ledger = $ledger";
        command.Parameters.AddWithValue("$delta", deltaMinor);
        command.Parameters.AddWithValue("$ledger", LedgerNames.Account(tenant, account));
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException($"no projected balance of {tenant}/{account} to corrupt.");
        }
    }

    protected override IEnumerable<(string File, string Json)> PricePlans() =>
    [
        ("standard.v1.json", """
            {
              "name": "standard", "version": 1, "currency": "USD",
              "meters": {
                "api": { "unitPriceMinor": 2 },
                "storage": { "tiers": [ { "upTo": 1000, "unitPriceMinor": 5 }, { "upTo": null, "unitPriceMinor": 3 } ] }
              }
            }
            """),
    ];

    protected override void Configure(ActorsSiloOptions options)
    {
        options.Invoicing.DefaultPlan = "standard@1";
        options.Reconciliation.Continuous = false;
        options.Reconciliation.BatchSize = 2;
        options.Reconciliation.Parallelism = 2;
    }
}
