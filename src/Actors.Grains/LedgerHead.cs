using Actors.Ledger;

namespace Actors.Grains;

/// <summary>
/// Appends an entity's next ledger row at the position its state expects. When another activation already wrote at that
/// position, this activation's state is stale: <c>onStale</c> lets the grain step aside (deactivate) and the conflict is
/// rethrown, so the caller's retry reaches a fresh activation that replays the ledger and answers correctly.
/// </summary>
internal static class LedgerHead
{
    public static async Task<AppendResult> AppendAsync(ILedgerWriter writer, LedgerAppend row, Action onStale)
    {
        try
        {
            return await writer.AppendAsync(row, CancellationToken.None);
        }
        catch (LedgerPositionConflictException)
        {
            onStale();
            throw;
        }
    }
}
