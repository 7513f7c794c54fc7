namespace Actors.Domain.Inventory;

/// <summary>What applying one transition would leave behind; computed whole before the state changes.</summary>
internal readonly record struct StockEffect(
    Contracts.Inventory.StockBuckets Buckets,
    long Received,
    long NetAdjusted,
    long TransferredIn,
    long TransferredOut,
    Reservation? Reservation,
    OutboundTransfer? Outbound,
    string? ReceivedTransferId);
