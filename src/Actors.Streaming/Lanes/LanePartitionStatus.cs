namespace Actors.Streaming.Lanes;

/// <summary>Where one partition of a lane stands, read by an <see cref="ILaneStatusSource"/>.</summary>
/// <param name="Lane">The lane (<see cref="LaneNames.Critical"/> or <see cref="LaneNames.Bulk"/>).</param>
/// <param name="Partition">The 0-based partition (Orleans queue) of the lane.</param>
/// <param name="Pending">Messages enqueued on the partition and not yet acknowledged (the lag).</param>
/// <param name="Committed">The committed position: the messages of the partition before it are acknowledged (embedded: the last acknowledged offset; Kafka: the consumer group's committed offset, the next to read).</param>
/// <param name="DeliveredTotal">
/// A count that only grows as the partition's messages are acknowledged; the difference of two readings over the time
/// between them is the delivery rate. Its absolute value depends on the adapter (see the adapter's status source).
/// </param>
/// <param name="DeadLetters">How many envelopes the lane's dead-letter queue holds (the lane's total, the same on each of its partitions).</param>
/// <param name="OldestEnqueuedAt">
/// When the oldest pending message of the partition was enqueued, where the adapter can tell cheaply (embedded lanes);
/// null when nothing is pending or the adapter cannot (Kafka: it would take reading a message per partition).
/// </param>
public sealed record LanePartitionStatus(
    string Lane, int Partition, long Pending, long Committed, long DeliveredTotal, long DeadLetters, DateTimeOffset? OldestEnqueuedAt = null);
