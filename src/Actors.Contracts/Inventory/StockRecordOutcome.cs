namespace Actors.Contracts.Inventory;

/// <summary>
/// The answer to recording a stock event: its key, whether it was a repeat of one already on the ledger (then nothing
/// new was written), and the SKU-location's snapshot after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-record-outcome")]
public sealed record StockRecordOutcome(
    [property: Id(0)] string Source,
    [property: Id(1)] long Seq,
    [property: Id(2)] bool Duplicate,
    [property: Id(3)] StockSnapshot Snapshot);
