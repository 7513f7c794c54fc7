using Actors.Contracts;
using Actors.Contracts.Projections;
using Actors.Ledger.Projections;
using Orleans.Concurrency;

namespace Actors.Grains.Projections;

/// <summary>
/// Reads the active version of the <c>balances</c> projection straight from the store, on the silo that takes the call:
/// reads scale with the silos and never wait for the projection's owner.
/// </summary>
[StatelessWorker]
public sealed class BalancesReaderGrain(BalancesProjectionReader reader) : Grain, IBalancesReaderGrain
{
    public async Task<ProjectionBalance?> GetBalance(string tenant, string account)
    {
        EntityKey.Format(tenant, account);
        var read = await reader.ReadAccountsAsync(tenant, [account], CancellationToken.None);
        if (!read.Accounts.TryGetValue(account, out var found))
        {
            return null;
        }
        return new ProjectionBalance(
            found.Tenant,
            found.Account,
            new Dictionary<string, long>(found.BalanceMinor, StringComparer.Ordinal),
            found.Usage.Select(u => new ProjectionUsage(u.Meter, u.Window, u.Currency, u.Quantity, u.AmountMinor, u.EventCount)).ToList(),
            found.EventCount,
            found.LastPosition,
            read.Version,
            read.Checkpoint);
    }
}
