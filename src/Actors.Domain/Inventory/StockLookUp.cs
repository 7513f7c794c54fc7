using Actors.Domain.Dedup;

namespace Actors.Domain.Inventory;

/// <summary>
/// The event's key <c>(Source, Seq)</c> was seen (<see cref="Verdict"/> = Seen) or memory can't tell (Unknown): fetch the
/// ledger row with that key and pass it to <see cref="StockDecider.DecideWithOriginal"/>.
/// </summary>
public sealed record StockLookUp(string Source, long Seq, DedupVerdict Verdict) : StockDecision;
