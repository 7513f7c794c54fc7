using Microsoft.Extensions.Logging;

namespace Actors.Grains;

/// <summary>How every entity grain writes its snapshot: best effort, because the ledger already holds every change.</summary>
internal static class EntitySnapshot
{
    /// <summary>
    /// Writes <paramref name="json"/> as the snapshot at <paramref name="version"/>; true when it was stored. A failure is
    /// logged, not thrown: the changes are durable on the ledger, and a lost snapshot only means a longer replay on the
    /// next activation, so the caller's operation must not fail because of it.
    /// </summary>
    public static async Task<bool> TryWriteAsync<TState>(IPersistentState<TState> snapshot, string json, ILogger logger, string ledger, long version)
        where TState : ISnapshotState
    {
        try
        {
            snapshot.State.SnapshotJson = json;
            await snapshot.WriteStateAsync();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Snapshot of {Ledger} at version {Version} failed; the ledger tail will be replayed instead.", ledger, version);
            return false;
        }
    }
}
