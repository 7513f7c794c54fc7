using Actors.Streaming.Lanes;

namespace Actors.Streaming.Embedded;

/// <summary>
/// The status of the embedded lanes, read from the shared SQLite queue file, so any silo answers for every partition.
/// </summary>
/// <remarks>
/// <see cref="LanePartitionStatus.Pending"/>, <see cref="LanePartitionStatus.Committed"/> and the dead-letter depth come from
/// the file. <see cref="LanePartitionStatus.DeliveredTotal"/> comes from <see cref="EmbeddedDeliveryTally"/> (deliveries seen
/// by this process since the first status read), because the file keeps no count of what it deleted.
/// </remarks>
public sealed class EmbeddedLaneStatusSource : ILaneStatusSource
{
    private readonly SqliteLaneStore _store;
    private readonly IReadOnlyDictionary<string, int> _partitions;
    private readonly EmbeddedDeliveryTally _tally = EmbeddedDeliveryTally.Shared;

    /// <summary>Reads <paramref name="store"/>, whose lanes have the partition counts of <paramref name="options"/>.</summary>
    public EmbeddedLaneStatusSource(SqliteLaneStore store, EmbeddedLaneOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _partitions = LaneNames.All.ToDictionary(lane => lane, lane => options.For(lane).Partitions, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LanePartitionStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        var (lastOffset, backlogs) = await _store.ReadBacklogAsync(cancellationToken);
        var byPartition = backlogs.ToDictionary(b => (b.Lane, b.Partition));
        var statuses = new List<LanePartitionStatus>();
        foreach (var lane in LaneNames.All)
        {
            var deadLetters = await _store.CountAsync(lane, cancellationToken);
            for (var partition = 0; partition < _partitions[lane]; partition++)
            {
                // Offsets are shared by every partition: an empty partition has acknowledged everything up to the last one given out.
                var (pending, committed, oldest) = byPartition.TryGetValue((lane, partition), out var backlog)
                    ? (backlog.Pending, backlog.OldestOffset - 1, backlog.OldestEnqueuedAt)
                    : (0L, lastOffset, (DateTimeOffset?)null);
                statuses.Add(new LanePartitionStatus(lane, partition, pending, committed, _tally.Delivered(lane, partition), deadLetters, oldest));
            }
        }
        return statuses;
    }
}
