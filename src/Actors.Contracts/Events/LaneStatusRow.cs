namespace Actors.Contracts.Events;

/// <summary>Where one partition of a lane stands, as <c>actors lanes status</c> shows it.</summary>
/// <param name="Lane">The lane: <c>critical</c> or <c>bulk</c>.</param>
/// <param name="Partition">The 0-based partition of the lane.</param>
/// <param name="Pending">Messages enqueued on the partition and not yet acknowledged (the lag).</param>
/// <param name="Committed">The partition's committed position (adapter-specific: embedded, the last acknowledged offset; Kafka, the committed offset).</param>
/// <param name="DeliveredTotal">Only grows as messages are acknowledged; the difference of two readings over the time between them is the delivery rate.</param>
/// <param name="DeadLetters">Envelopes in the lane's dead-letter queue (the lane's total, repeated on each of its partitions).</param>
[GenerateSerializer, Immutable, Alias("events.lane-status-row")]
public sealed record LaneStatusRow(
    [property: Id(0)] string Lane,
    [property: Id(1)] int Partition,
    [property: Id(2)] long Pending,
    [property: Id(3)] long Committed,
    [property: Id(4)] long DeliveredTotal,
    [property: Id(5)] long DeadLetters);
