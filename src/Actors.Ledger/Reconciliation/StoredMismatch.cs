using Actors.Contracts.Reconciliation;

namespace Actors.Ledger.Reconciliation;

/// <summary>A found mismatch in the form of a <c>reconciliation_results</c> row, as both stores write it.</summary>
internal sealed record StoredMismatch(
    string Tenant,
    string Account,
    string Window,
    string Plan,
    string Kind,
    string Currency,
    long CorrectionMinor,
    string Lines)
{
    /// <summary>
    /// The rows of one <c>RecordAsync</c> call, validated, in key order (ordinal). Two writers that take row locks in the
    /// same order cannot deadlock each other.
    /// </summary>
    /// <exception cref="ArgumentException">when a key is incomplete or occurs twice: one pass finds one figure set per key.</exception>
    public static IReadOnlyList<StoredMismatch> FromBatch(IReadOnlyList<Mismatch> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var rows = new StoredMismatch[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            var mismatch = found[i] ?? throw new ArgumentException($"mismatch {i} is null.", nameof(found));
            var key = mismatch.Key ?? throw new ArgumentException($"mismatch {i} has no key.", nameof(found));
            if (key.Tenant is null || key.Account is null || key.Window is null || key.Plan is null || mismatch.Currency is null || mismatch.Lines is null)
            {
                throw new ArgumentException($"mismatch {i} ({key}) lacks a key part, its currency or its lines.", nameof(found));
            }
            rows[i] = new StoredMismatch(key.Tenant, key.Account, key.Window, key.Plan, key.Kind.Name(), mismatch.Currency,
                mismatch.CorrectionMinor, MismatchLinesJson.Write(mismatch.Lines));
        }
        Array.Sort(rows, CompareKeys);
        for (var i = 1; i < rows.Length; i++)
        {
            if (CompareKeys(rows[i - 1], rows[i]) == 0)
            {
                var row = rows[i];
                throw new ArgumentException(
                    $"the key ({row.Tenant}, {row.Account}, {row.Window}, {row.Plan}, {row.Kind}) occurs twice in one batch.", nameof(found));
            }
        }
        return rows;
    }

    private static int CompareKeys(StoredMismatch a, StoredMismatch b)
    {
        var order = string.CompareOrdinal(a.Tenant, b.Tenant);
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Account, b.Account);
        }
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Window, b.Window);
        }
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Plan, b.Plan);
        }
        return order == 0 ? string.CompareOrdinal(a.Kind, b.Kind) : order;
    }
}
