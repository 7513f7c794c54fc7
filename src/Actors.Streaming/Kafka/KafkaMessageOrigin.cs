namespace Actors.Streaming.Kafka;

/// <summary>Where a lane message was read: enough to find it again with any Kafka tool.</summary>
internal sealed record KafkaMessageOrigin(string Topic, int Partition, long Offset);
