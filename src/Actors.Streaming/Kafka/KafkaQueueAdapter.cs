using System.Text;
using Actors.Contracts.Events;
using Actors.Domain.Lanes;
using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Streaming.Kafka;

/// <summary>
/// One lane's Orleans queue adapter over its Kafka topic. Publishing writes each envelope as one message (key
/// <c>tenant/entity</c>, value the wire-format JSON) and completes only when Kafka acknowledged it (idempotent producer,
/// <c>acks=all</c>). Partitions are chosen by Kafka's murmur2 partitioner on the key, not by Orleans' queue mapper: the
/// receiver of each partition delivers whatever lands there under the stream id carried by the message, which also
/// covers messages other services wrote. Not rewindable: Orleans' consumer-side handshake (which compares sequence
/// tokens) would mistake offsets of two partitions for one sequence if an entity's events ever arrived through two.
/// </summary>
internal sealed class KafkaQueueAdapter(
    string lane,
    KafkaLaneSettings settings,
    KafkaConnection connection,
    EventRoutingTable routing,
    StreamProviderDirection direction,
    Func<QueueId, IQueueAdapterReceiver> createReceiver) : IQueueAdapter
{
    public string Name => lane;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => direction;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("Kafka lanes choose sequence tokens themselves (the partition offset); publish without one.", nameof(token));
        }
        var sends = new List<Task<DeliveryResult<byte[]?, byte[]>>>();
        foreach (var item in events)
        {
            if (item is not EventEnvelope envelope)
            {
                throw new ArgumentException($"the {lane} lane carries {nameof(EventEnvelope)} events only (got {item?.GetType().Name ?? "null"}).", nameof(events));
            }
            var key = KafkaEnvelopeCodec.Key(envelope);
            var expected = StreamId.Create(routing.Route(envelope.Type).EntityKind, key);
            if (!expected.Equals(streamId))
            {
                // The receiver derives the stream from the message; publishing elsewhere would deliver it somewhere else.
                throw new ArgumentException($"an envelope of type '{envelope.Type}' for {key} belongs on stream {expected}, not {streamId}.", nameof(streamId));
            }
            var message = new Message<byte[]?, byte[]>
            {
                Key = Encoding.UTF8.GetBytes(key),
                Value = KafkaEnvelopeCodec.Serialize(envelope),
                Timestamp = new Timestamp(envelope.EnqueuedAt ?? DateTimeOffset.UtcNow),
            };
            sends.Add(connection.Producer.ProduceAsync(settings.Topic, message));
        }
        var results = await Task.WhenAll(sends);
        foreach (var result in results)
        {
            if (result.Status != PersistenceStatus.Persisted)
            {
                throw new KafkaException(new Error(ErrorCode.Local_MsgTimedOut, $"{result.TopicPartitionOffset}: Kafka did not confirm the write ({result.Status})."));
            }
        }
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        direction == StreamProviderDirection.WriteOnly
            ? throw new InvalidOperationException($"the {lane} lane adapter of an Orleans client only publishes.")
            : createReceiver(queueId);
}
