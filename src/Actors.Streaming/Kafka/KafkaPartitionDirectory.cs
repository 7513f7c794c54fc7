using System.Collections.Concurrent;
using Orleans.Streams;

namespace Actors.Streaming.Kafka;

/// <summary>
/// The partitions this silo reads right now, per lane. A receiver opens its partition's state when it takes the queue
/// and closes it when it lets go; the queue cache and the failure handler of the same queue find it here, because
/// Orleans creates those three separately and never hands one to another.
/// </summary>
internal sealed class KafkaPartitionDirectory(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Lane, QueueId Queue), KafkaPartitionState> _partitions = new();

    public IEnumerable<KafkaPartitionState> All => _partitions.Values;

    public KafkaPartitionState Open(string lane, QueueId queue, string topic, int partition, long startOffset)
    {
        var state = new KafkaPartitionState(lane, queue, topic, partition, startOffset, time);
        _partitions[(lane, queue)] = state;
        return state;
    }

    public KafkaPartitionState? Find(string lane, QueueId queue) => _partitions.GetValueOrDefault((lane, queue));

    public void Close(KafkaPartitionState state) =>
        _partitions.TryRemove(KeyValuePair.Create((state.Lane, state.Queue), state));
}
