namespace Actors.Ledger.Projections;

/// <summary>How far a rebuild is: its checkpoint against the ledger head it is catching up to.</summary>
/// <param name="EventsReplayed">Ledger rows read so far.</param>
/// <param name="Checkpoint">The new version's checkpoint.</param>
/// <param name="Head">The ledger head when the current pass started.</param>
public sealed record RebuildProgress(long EventsReplayed, long Checkpoint, long Head);
