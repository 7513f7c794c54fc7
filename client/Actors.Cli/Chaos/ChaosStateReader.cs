using Actors.Client;
using Actors.Client.Billing;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Inventory;
using Actors.Contracts.Security;

namespace Actors.Cli.Chaos;

/// <summary>Reads, through the SDK, everything the verifier compares with the acknowledgement log.</summary>
public sealed class ChaosStateReader(ActorsClient client, string tenant)
{
    private const int MaxCases = 1000;

    /// <summary>The ledgers and balances of <paramref name="accounts"/>, the stock of <paramref name="skus"/> and the cases of the tenant.</summary>
    public async Task<ChaosObservations> ReadAsync(
        IEnumerable<string> accounts, IEnumerable<string> skus, IEnumerable<string> caseIds, CancellationToken cancellationToken)
    {
        var ledgers = new Dictionary<string, IReadOnlyList<LedgerRecord>>(StringComparer.Ordinal);
        var balances = new Dictionary<string, AccountBalance>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            ledgers[account] = await ReadLedgerAsync(account, cancellationToken);
            balances[account] = await client.Billing.GetBalanceAsync(tenant, account, cancellationToken);
        }
        var stock = new Dictionary<string, StockBuckets>(StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            stock[sku] = (await client.Inventory.GetSnapshotAsync(tenant, sku, ChaosWorkload.Location, cancellationToken)).Buckets;
        }
        var cases = new Dictionary<string, SecurityCase?>(StringComparer.Ordinal);
        foreach (var caseId in caseIds)
        {
            cases[caseId] = await client.Security.GetCaseAsync(tenant, caseId, cancellationToken);
        }
        var all = await client.Security.ListCasesAsync(tenant, status: null, max: MaxCases, cancellationToken);
        return new ChaosObservations(ledgers, balances, stock, cases, all);
    }

    private async Task<IReadOnlyList<LedgerRecord>> ReadLedgerAsync(string account, CancellationToken cancellationToken)
    {
        var rows = new List<LedgerRecord>();
        while (true)
        {
            var page = await client.Billing.GetLedgerAsync(tenant, account, rows.Count == 0 ? 1 : rows[^1].Position + 1, BillingClient.MaxLedgerPage, cancellationToken);
            rows.AddRange(page);
            if (page.Count < BillingClient.MaxLedgerPage)
            {
                return rows;
            }
        }
    }
}
