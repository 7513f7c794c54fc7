using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary>A transfer this shard sent, as its state remembers it; kept after completion so a repeat gets the original answer.</summary>
public sealed record OutboundTransfer(string TransferId, int ToShard, StockBucket Bucket, long Quantity, DateTimeOffset SentAt, bool Completed);
