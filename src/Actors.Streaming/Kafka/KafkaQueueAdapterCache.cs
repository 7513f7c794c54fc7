using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Actors.Streaming.Kafka;

/// <summary>Creates each partition's <see cref="KafkaQueueCache"/>, bounded by the lane's <see cref="KafkaLaneSettings.CacheSize"/>.</summary>
internal sealed class KafkaQueueAdapterCache(string lane, int cacheSize, KafkaPartitionDirectory partitions, ILoggerFactory loggerFactory) : IQueueAdapterCache
{
    public IQueueCache CreateQueueCache(QueueId queueId)
    {
        var inner = new SimpleQueueCache(cacheSize, loggerFactory.CreateLogger($"{typeof(SimpleQueueCache).FullName}.{lane}.{queueId}"));
        // The receiver of this queue opens the partition state after the cache exists, so it is looked up when needed.
        return new KafkaQueueCache(inner, dropped => partitions.Find(lane, queueId)?.Dropped(dropped));
    }
}
