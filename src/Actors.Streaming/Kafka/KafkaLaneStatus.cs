namespace Actors.Streaming.Kafka;

/// <summary>Per-partition state of the Kafka lanes on this silo, for status commands, dashboards and tests.</summary>
public sealed class KafkaLaneStatus
{
    private readonly KafkaPartitionDirectory _directory;

    internal KafkaLaneStatus(KafkaPartitionDirectory directory) => _directory = directory;

    /// <summary>The partitions this silo reads now, ordered by lane and partition.</summary>
    public IReadOnlyList<KafkaPartitionStatus> OwnedPartitions() =>
        _directory.All.Select(p => p.Status()).OrderBy(s => s.Lane, StringComparer.Ordinal).ThenBy(s => s.Partition).ToList();
}
