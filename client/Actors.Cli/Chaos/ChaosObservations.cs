using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Inventory;
using Actors.Contracts.Security;

namespace Actors.Cli.Chaos;

/// <summary>What the cluster holds at the end of a run, as read through the SDK, for the verifier to compare with the log.</summary>
/// <param name="Ledgers">Every ledger row of every account of the run, per account.</param>
/// <param name="Balances">The balance of every account of the run.</param>
/// <param name="Stock">The buckets of every SKU of the run (at its one location).</param>
/// <param name="Cases">Each case an acknowledged alert went to, or null when the cluster does not know it.</param>
/// <param name="TenantCases">Every case of the run's tenant.</param>
public sealed record ChaosObservations(
    IReadOnlyDictionary<string, IReadOnlyList<LedgerRecord>> Ledgers,
    IReadOnlyDictionary<string, AccountBalance> Balances,
    IReadOnlyDictionary<string, StockBuckets> Stock,
    IReadOnlyDictionary<string, SecurityCase?> Cases,
    IReadOnlyList<SecurityCase> TenantCases);
