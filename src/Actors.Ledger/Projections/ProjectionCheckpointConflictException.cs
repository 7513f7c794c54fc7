namespace Actors.Ledger.Projections;

/// <summary>
/// A batch was refused because the version's checkpoint had moved since the runner read it: another runner (a second,
/// briefly double activation of the owner) applied those rows already. Nothing of the batch was written.
/// </summary>
public sealed class ProjectionCheckpointConflictException(int version, long expectedCheckpoint)
    : InvalidOperationException(
        $"checkpoint of balances version {version} is no longer {expectedCheckpoint}: another runner moved it, or the version is missing.")
{
    /// <summary>The version whose checkpoint moved.</summary>
    public int Version { get; } = version;

    /// <summary>The checkpoint the refused batch started from.</summary>
    public long ExpectedCheckpoint { get; } = expectedCheckpoint;
}
