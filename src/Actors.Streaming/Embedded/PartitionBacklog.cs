namespace Actors.Streaming.Embedded;

/// <summary>The messages of one embedded lane partition that are not acknowledged yet.</summary>
/// <param name="Lane">The lane.</param>
/// <param name="Partition">The 0-based partition.</param>
/// <param name="Pending">How many messages wait.</param>
/// <param name="OldestOffset">The offset of the oldest waiting message: everything of the partition below it is acknowledged.</param>
/// <param name="OldestEnqueuedAt">When that message was enqueued (null for a message written without an enqueue time).</param>
public sealed record PartitionBacklog(string Lane, int Partition, long Pending, long OldestOffset, DateTimeOffset? OldestEnqueuedAt = null);
