using System.Data.Common;

namespace Actors.Ledger.Projections;

/// <summary>An account's balances as the <c>balances</c> projection holds them.</summary>
/// <param name="Tenant">The account's tenant.</param>
/// <param name="Account">The account id within the tenant.</param>
/// <param name="BalanceMinor">Amount owed per currency in minor units (positive: the customer owes).</param>
/// <param name="EventCount">How many billing events of the account were applied.</param>
/// <param name="LastPosition">The highest ledger position of the account that was applied.</param>
public sealed record AccountBalanceRow(
    string Tenant,
    string Account,
    IReadOnlyDictionary<string, long> BalanceMinor,
    long EventCount,
    long LastPosition)
{
    /// <summary>
    /// Folds the rows of one account's per-currency query (currency, balance_minor, event_count, last_position) into one
    /// row; null when the account has none. The same query shape on SQLite and PostgreSQL, so one reader serves both.
    /// </summary>
    internal static async Task<AccountBalanceRow?> ReadAsync(DbDataReader reader, string tenant, string account, CancellationToken cancellationToken)
    {
        var balances = new Dictionary<string, long>(StringComparer.Ordinal);
        long events = 0, last = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            balances.Add(reader.GetString(0), reader.GetInt64(1));
            events += reader.GetInt64(2);
            last = Math.Max(last, reader.GetInt64(3));
        }
        return balances.Count == 0 ? null : new AccountBalanceRow(tenant, account, balances, events, last);
    }
}
