using System.Data.Common;

namespace Actors.Ledger.Projections;

/// <summary>
/// Folds the two result sets of an accounts read into <see cref="AccountProjection"/>s: first the balance rows
/// (account, currency, balance_minor, event_count, last_position), then the usage rows (account, meter, billing_window,
/// currency, quantity, amount_minor, event_count). Both stores send the same shape, so one reader serves both.
/// </summary>
internal static class AccountProjectionReader
{
    public static async Task<IReadOnlyDictionary<string, AccountProjection>> ReadAsync(
        DbDataReader reader, string tenant, CancellationToken cancellationToken)
    {
        var balances = new Dictionary<string, (Dictionary<string, long> Minor, long Events, long Last)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var account = reader.GetString(0);
            if (!balances.TryGetValue(account, out var totals))
            {
                totals = (new Dictionary<string, long>(StringComparer.Ordinal), 0, 0);
            }
            totals.Minor.Add(reader.GetString(1), reader.GetInt64(2));
            balances[account] = (totals.Minor, totals.Events + reader.GetInt64(3), Math.Max(totals.Last, reader.GetInt64(4)));
        }
        if (!await reader.NextResultAsync(cancellationToken))
        {
            throw new InvalidOperationException("the accounts read returned no usage result set.");
        }
        var usage = new Dictionary<string, List<MeterUsage>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var account = reader.GetString(0);
            if (!usage.TryGetValue(account, out var rows))
            {
                usage.Add(account, rows = []);
            }
            rows.Add(new MeterUsage(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        }

        var accounts = new Dictionary<string, AccountProjection>(balances.Count, StringComparer.Ordinal);
        foreach (var (account, totals) in balances)
        {
            // Sorted here rather than in SQL: PostgreSQL's text order follows the database's collation, SQLite's is binary.
            var rows = usage.TryGetValue(account, out var found)
                ? found.OrderBy(u => u.Meter, StringComparer.Ordinal).ThenBy(u => u.Window, StringComparer.Ordinal)
                    .ThenBy(u => u.Currency, StringComparer.Ordinal).ToList()
                : [];
            accounts.Add(account, new AccountProjection(tenant, account, totals.Minor, rows, totals.Events, totals.Last));
        }
        return accounts;
    }

    /// <summary>The distinct ledger ids of <paramref name="accounts"/> of <paramref name="tenant"/>.</summary>
    public static string[] Ledgers(string tenant, IReadOnlyList<string> accounts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(accounts);
        return accounts.Distinct(StringComparer.Ordinal).Select(a => Actors.Domain.LedgerNames.Account(tenant, a)).ToArray();
    }
}
