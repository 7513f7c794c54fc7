namespace Actors.Ledger.Projections;

/// <summary>What one tailing pass did.</summary>
/// <param name="Version">The version tailed.</param>
/// <param name="Checkpoint">Its checkpoint after the pass.</param>
/// <param name="Head">The ledger head read at the start of the pass.</param>
/// <param name="Applied">Ledger rows applied by the pass.</param>
public sealed record TailResult(int Version, long Checkpoint, long Head, long Applied)
{
    /// <summary>Ledger positions the version is behind the head the pass read (0 once caught up).</summary>
    public long Lag => Math.Max(0, Head - Checkpoint);
}
