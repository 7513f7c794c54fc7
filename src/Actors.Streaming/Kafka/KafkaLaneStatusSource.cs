using Actors.Streaming.Lanes;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Actors.Streaming.Kafka;

/// <summary>
/// The status of the Kafka lanes, read from the brokers (each partition's watermarks and the lane consumer group's committed
/// offsets), so any silo answers for every partition, including those other silos read.
/// </summary>
/// <remarks>
/// <see cref="LanePartitionStatus.Committed"/> and <see cref="LanePartitionStatus.DeliveredTotal"/> are both the group's
/// committed offset (the next offset to read); before the group ever committed on a partition, its low watermark.
/// <see cref="LanePartitionStatus.Pending"/> is the high watermark minus that.
/// </remarks>
public sealed class KafkaLaneStatusSource : ILaneStatusSource
{
    // One broker round trip of the status; a status that cannot reach the brokers in this time fails rather than hangs.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly KafkaConnection _connection;
    private readonly KafkaLaneOptions _options;
    private readonly ILaneDeadLetterQueue _deadLetters;

    /// <summary>Reads the lanes of <paramref name="options"/> through <paramref name="connection"/>; DLQ depth from <paramref name="deadLetters"/>.</summary>
    public KafkaLaneStatusSource(KafkaConnection connection, IOptions<KafkaLaneOptions> options, ILaneDeadLetterQueue deadLetters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(deadLetters);
        _connection = connection;
        _options = options.Value;
        _deadLetters = deadLetters;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LanePartitionStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        var topics = LaneNames.All.ToDictionary(lane => lane, lane => _options.Lane(lane).Topic, StringComparer.Ordinal);
        var partitionCounts = await KafkaTopicDiscovery.PartitionCountsAsync(_connection, topics.Values.ToList(), RequestTimeout, cancellationToken);
        var statuses = new List<LanePartitionStatus>();
        foreach (var lane in LaneNames.All)
        {
            var deadLetters = await _deadLetters.CountAsync(lane, cancellationToken);
            var partitions = Enumerable.Range(0, partitionCounts[topics[lane]]).Select(p => new TopicPartition(topics[lane], p)).ToList();
            var offsets = await Task.Run(() => ReadOffsets(_options.Lane(lane).ConsumerGroup, partitions), cancellationToken);
            statuses.AddRange(offsets.Select(o => new LanePartitionStatus(lane, o.Partition, Math.Max(0, o.High - o.Committed), o.Committed, o.Committed, deadLetters)));
        }
        return statuses;
    }

    private IReadOnlyList<(int Partition, long Committed, long High)> ReadOffsets(string consumerGroup, IReadOnlyList<TopicPartition> partitions)
    {
        // Never subscribes or assigns, so it does not join the group: it only asks the group's coordinator for its offsets.
        using var consumer = _connection.CreateConsumer(consumerGroup, TimeSpan.FromMilliseconds(100));
        var committed = consumer.Committed(partitions, RequestTimeout).ToDictionary(c => c.Partition.Value, c => c.Offset);
        var offsets = new List<(int, long, long)>(partitions.Count);
        foreach (var partition in partitions)
        {
            var watermarks = consumer.QueryWatermarkOffsets(partition, RequestTimeout);
            var position = committed.TryGetValue(partition.Partition.Value, out var offset) && offset.Value >= 0 ? offset.Value : watermarks.Low.Value;
            offsets.Add((partition.Partition.Value, position, watermarks.High.Value));
        }
        return offsets;
    }
}
