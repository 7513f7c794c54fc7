using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary>Send <paramref name="Quantity"/> units of <paramref name="Bucket"/> to shard <paramref name="ToShard"/>.</summary>
public sealed record SendTransfer(string TransferId, int ToShard, StockBucket Bucket, long Quantity, DateTimeOffset Now);
