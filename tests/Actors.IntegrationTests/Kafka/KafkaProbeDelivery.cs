namespace Actors.IntegrationTests.Kafka;

/// <summary>One event a probe took: which lane brought it and at which partition offset (the sequence token).</summary>
public sealed record KafkaProbeDelivery(string Lane, string Tenant, string Entity, long Seq, string Type, string Payload, long Offset, DateTimeOffset? EnqueuedAt, long Order);
