using Actors.Domain;
using Actors.Ledger;

namespace Actors.Grains.Reconciliation;

/// <summary>The tenants that have accounts, found from the ledger itself so a new tenant is reconciled without configuration.</summary>
internal static class TenantDirectory
{
    // Entity ids are ASCII ([A-Za-z0-9._:@-]), so in the stores' byte order this sorts after every id of a tenant.
    private const char AfterEveryId = '\uffff';

    /// <summary>
    /// Every tenant with an account ledger, in ordinal order. One query per tenant: each asks for the first ledger after
    /// the previous tenant's last possible id, skipping that tenant's accounts instead of reading them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ListAsync(ILedgerStore ledger, CancellationToken cancellationToken)
    {
        const string prefix = LedgerNames.AccountPrefix;
        var tenants = new List<string>();
        string? after = null;
        while (true)
        {
            var next = await ledger.ListLedgersAsync(prefix, after, 1, cancellationToken);
            if (next.Count == 0)
            {
                return tenants;
            }
            var rest = next[0][prefix.Length..];
            var tenant = rest[..rest.IndexOf('/', StringComparison.Ordinal)];
            tenants.Add(tenant);
            after = LedgerNames.AccountsOf(tenant) + AfterEveryId;
        }
    }
}
