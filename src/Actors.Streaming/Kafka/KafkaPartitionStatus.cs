namespace Actors.Streaming.Kafka;

/// <summary>One partition as the silo reading it sees it.</summary>
/// <param name="Lane">The lane (stream provider) name.</param>
/// <param name="Topic">The lane topic.</param>
/// <param name="Partition">The partition (= Orleans queue) number.</param>
/// <param name="CommittedOffset">The consumer group's committed offset: where a new reader would resume.</param>
/// <param name="HighWatermark">The partition's end as last fetched, when known.</param>
/// <param name="Lag">High watermark minus committed offset.</param>
/// <param name="InFlight">Messages read and not yet committed.</param>
/// <param name="Delivered">Messages delivered since this silo took the partition.</param>
/// <param name="DeadLettered">Messages dead-lettered since this silo took the partition.</param>
public sealed record KafkaPartitionStatus(
    string Lane,
    string Topic,
    int Partition,
    long CommittedOffset,
    long? HighWatermark,
    long Lag,
    int InFlight,
    long Delivered,
    long DeadLettered);
