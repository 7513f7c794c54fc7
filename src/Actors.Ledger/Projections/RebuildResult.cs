namespace Actors.Ledger.Projections;

/// <summary>The outcome of a projection rebuild.</summary>
/// <param name="Version">The version that is now active.</param>
/// <param name="EventsReplayed">Ledger rows read into the new version (including rows appended during the rebuild).</param>
/// <param name="Duration">Wall-clock time from start to the switch.</param>
/// <param name="Checkpoint">The new version's checkpoint at the switch.</param>
public sealed record RebuildResult(int Version, long EventsReplayed, TimeSpan Duration, long Checkpoint)
{
    /// <summary>Rows replayed per second of <see cref="Duration"/>.</summary>
    public double EventsPerSecond => Duration > TimeSpan.Zero ? EventsReplayed / Duration.TotalSeconds : 0;
}
