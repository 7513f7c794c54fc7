using System.Runtime.CompilerServices;
using Actors.Domain;
using Actors.Domain.Invoicing;

namespace Actors.Ledger.Invoicing;

/// <summary>
/// Reads accounts' usage from the ledger in batches: pages of a tenant's account ids, then whole ledgers of a page in one
/// query. Issuing and reconciliation read the ledger the same way.
/// </summary>
public sealed class AccountUsageReader(ILedgerStore ledger)
{
    /// <summary>The tenant's accounts that have a ledger, in pages of up to <paramref name="pageSize"/>, ordinal order.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string>> ListAccountsAsync(
        string tenant, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var prefix = LedgerNames.Account(tenant, "");
        string? after = null;
        while (true)
        {
            var ledgers = await ledger.ListLedgersAsync(prefix, after, pageSize, cancellationToken);
            if (ledgers.Count == 0)
            {
                yield break;
            }
            yield return [.. ledgers.Select(id => id[prefix.Length..])];
            if (ledgers.Count < pageSize)
            {
                yield break;
            }
            after = ledgers[^1];
        }
    }

    /// <summary>The usage of each of <paramref name="accounts"/>, in the order given (one ledger query for all of them).</summary>
    /// <exception cref="System.Text.Json.JsonException">when a usage row's payload is not a valid usage event.</exception>
    public async Task<IReadOnlyList<AccountUsage>> ReadAsync(string tenant, IReadOnlyList<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(accounts);
        var entries = await ledger.ReadLedgersAsync([.. accounts.Select(a => LedgerNames.Account(tenant, a))], cancellationToken);
        return Group(tenant, accounts, entries);
    }

    /// <summary>
    /// Groups <paramref name="entries"/> (rows of account ledgers of <paramref name="tenant"/>, ordered by ledger then
    /// position as <see cref="ILedgerStore.ReadLedgersAsync"/> returns them) into one <see cref="AccountUsage"/> per account
    /// of <paramref name="accounts"/>, in that order.
    /// </summary>
    public static IReadOnlyList<AccountUsage> Group(string tenant, IReadOnlyList<string> accounts, IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(entries);
        var byLedger = new Dictionary<string, (long LastPosition, List<UsageItem> Usage)>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byLedger.TryGetValue(entry.Ledger, out var account))
            {
                account = (0, []);
            }
            if (UsageItem.FromLedger(entry.Position, entry.Type, entry.Payload) is { } usage)
            {
                account.Usage.Add(usage);
            }
            byLedger[entry.Ledger] = (Math.Max(account.LastPosition, entry.Position), account.Usage);
        }
        return [.. accounts.Select(account =>
            byLedger.TryGetValue(LedgerNames.Account(tenant, account), out var found)
                ? new AccountUsage(account, found.LastPosition, found.Usage)
                : new AccountUsage(account, 0, []))];
    }
}
