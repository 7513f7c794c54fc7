using Actors.Streaming.Embedded;
using Actors.Streaming.Kafka;

namespace Actors.Hosting;

/// <summary>The <c>Actors:Lanes</c> configuration section.</summary>
public sealed class ActorsLaneSettings
{
    /// <summary>Moves event types between lanes: type -> <c>critical</c> | <c>bulk</c>. Types not listed keep their default lane.</summary>
    public Dictionary<string, string> Routing { get; set; } = [];

    /// <summary>
    /// The local profile's embedded lanes (SQLite <c>lanes.db</c> in the data directory): per-lane partitions, batch sizes,
    /// poll periods and delivery attempts. Its <c>DataDirectory</c> is always the silo's.
    /// </summary>
    public EmbeddedLaneOptions Embedded { get; set; } = new();

    /// <summary>
    /// The cluster profile's Kafka lanes. They are on when <c>BootstrapServers</c> is set, or with <c>Mock = true</c> (a
    /// librdkafka mock cluster inside the silo, for trying the path on a laptop); otherwise the cluster has no lanes.
    /// </summary>
    public KafkaLaneOptions Kafka { get; set; } = new();

    /// <summary>Whether the Kafka lanes are configured.</summary>
    public bool KafkaConfigured => Kafka.Mock || !string.IsNullOrWhiteSpace(Kafka.BootstrapServers);
}
