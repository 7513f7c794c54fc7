namespace Actors.Ledger.Projections;

/// <summary>How far a rebuild is: the position it has replayed to against the ledger head it is catching up to.</summary>
/// <param name="EventsReplayed">Ledger rows read so far.</param>
/// <param name="Checkpoint">The global position replayed to; committed with the batch that holds it.</param>
/// <param name="Head">The ledger head when the current pass started.</param>
public sealed record RebuildProgress(long EventsReplayed, long Checkpoint, long Head);
