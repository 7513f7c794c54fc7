namespace Actors.Grains.Inventory;

/// <summary>
/// The stock bucket's persisted snapshot: the domain's <c>StockStateSnapshot</c> as JSON (buckets, reservations, dedup
/// marks, version). Only a shortcut for activation: the ledger is the truth and the rows after <c>Version</c> are replayed.
/// Kept as the domain's own JSON so the domain owns its snapshot format without depending on Orleans.
/// </summary>
[GenerateSerializer, Alias("inventory.stock-bucket-grain-state")]
public sealed class StockBucketGrainState : ISnapshotState
{
    [Id(0)] public string? SnapshotJson { get; set; }
}
