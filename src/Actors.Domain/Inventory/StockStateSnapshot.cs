using Actors.Contracts.Inventory;
using Actors.Domain.Dedup;

namespace Actors.Domain.Inventory;

/// <summary>
/// The persisted form of a <see cref="StockState"/>: everything derived from the ledger up to <see cref="Version"/>, so
/// activation replays only the rows after it. Plain data for System.Text.Json.
/// </summary>
public sealed record StockStateSnapshot
{
    /// <summary>The layout version written by this code.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Layout version; a reader refuses versions it does not know rather than misread them.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The transitions folded in; the ledger position of the latest.</summary>
    public long Version { get; init; }

    /// <summary>The latest transition time folded in.</summary>
    public DateTimeOffset AsOf { get; init; } = DateTimeOffset.MinValue;

    /// <summary>Units per bucket.</summary>
    public StockBuckets Buckets { get; init; } = StockBuckets.Empty;

    /// <summary>Units ever received.</summary>
    public long Received { get; init; }

    /// <summary>The signed sum of every adjustment.</summary>
    public long NetAdjusted { get; init; }

    /// <summary>Units received from other shards.</summary>
    public long TransferredIn { get; init; }

    /// <summary>Units sent to other shards by completed transfers.</summary>
    public long TransferredOut { get; init; }

    /// <summary>Every transfer sent, ordered by id (a snapshot written before sharding has none).</summary>
    public List<OutboundTransfer> OutboundTransfers { get; init; } = [];

    /// <summary>The ids of the transfers received, ordered.</summary>
    public List<string> ReceivedTransfers { get; init; } = [];

    /// <summary>Every reservation, ordered by id.</summary>
    public List<Reservation> Reservations { get; init; } = [];

    /// <summary>The dedup marks of every event folded in.</summary>
    public DedupSnapshot Dedup { get; init; } = new();
}
