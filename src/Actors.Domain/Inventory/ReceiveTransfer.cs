using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary>Take in the units that shard <paramref name="FromShard"/> sent under <paramref name="TransferId"/>.</summary>
public sealed record ReceiveTransfer(string TransferId, int FromShard, StockBucket Bucket, long Quantity, DateTimeOffset Now);
