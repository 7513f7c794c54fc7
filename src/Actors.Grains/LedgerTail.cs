using Actors.Ledger;

namespace Actors.Grains;

/// <summary>
/// Replays the rows of an entity's ledger after the position its snapshot covers, page by page: what every entity grain
/// does on activation to catch its state up with the truth.
/// </summary>
internal static class LedgerTail
{
    /// <summary>Applies every row of <paramref name="ledger"/> after <paramref name="position"/> in order; returns how many.</summary>
    /// <param name="store">The ledger store.</param>
    /// <param name="ledger">The entity's ledger id.</param>
    /// <param name="position">The position already folded in (the snapshot's version); reading starts after it.</param>
    /// <param name="pageSize">Rows per query.</param>
    /// <param name="apply">Folds one row into the state.</param>
    /// <param name="cancellationToken">Stops the replay between pages.</param>
    public static async Task<long> ReplayAsync(
        ILedgerStore store, string ledger, long position, int pageSize, Action<LedgerEntry> apply, CancellationToken cancellationToken)
    {
        var replayed = 0L;
        while (true)
        {
            var page = await store.ReadLedgerAsync(ledger, position + replayed + 1, pageSize, cancellationToken);
            foreach (var row in page)
            {
                apply(row);
            }
            replayed += page.Count;
            if (page.Count < pageSize)
            {
                return replayed;
            }
        }
    }
}
