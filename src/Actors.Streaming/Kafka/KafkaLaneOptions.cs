using Actors.Streaming.Lanes;

namespace Actors.Streaming.Kafka;

/// <summary>
/// Options of the Kafka lanes registered by <c>AddKafkaLanes</c>: where the brokers are, how to reach them, and one
/// <see cref="KafkaLaneSettings"/> section per lane (topic, DLQ topic, pulling-agent batch size and poll period, poison
/// threshold).
/// </summary>
public sealed class KafkaLaneOptions
{
    /// <summary>Comma-separated <c>host:port</c> list of Kafka brokers. Required unless <see cref="Mock"/> is set.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>
    /// Silo only, for trying the Kafka path with no broker: the silo starts a librdkafka mock cluster (3 brokers, in
    /// process, gone when the silo stops), uses it instead of <see cref="BootstrapServers"/>, and logs its address.
    /// </summary>
    public bool Mock { get; set; }

    /// <summary>
    /// librdkafka settings passed to every producer, consumer and admin client (e.g. <c>security.protocol</c>,
    /// <c>sasl.mechanism</c>, <c>sasl.username</c>, <c>ssl.ca.location</c>). They cannot switch off what the lanes rely
    /// on: the producer stays idempotent with <c>acks=all</c>, consumers never auto-commit.
    /// </summary>
    public Dictionary<string, string> Settings { get; set; } = [];

    /// <summary>How long a publish waits for Kafka's acknowledgement before it fails (librdkafka <c>message.timeout.ms</c>).</summary>
    public TimeSpan ProduceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a silo waits at start-up for the lane topics' metadata (partition discovery).</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The critical lane: small batches, short poll period.</summary>
    public KafkaLaneSettings Critical { get; set; } = KafkaLaneSettings.CriticalDefaults();

    /// <summary>The bulk lane: large batches, longer poll period, bounded in-flight cache.</summary>
    public KafkaLaneSettings Bulk { get; set; } = KafkaLaneSettings.BulkDefaults();

    /// <summary>The settings of <paramref name="lane"/> (<see cref="LaneNames.Critical"/> or <see cref="LaneNames.Bulk"/>).</summary>
    /// <exception cref="ArgumentException">when <paramref name="lane"/> is not a lane name.</exception>
    public KafkaLaneSettings Lane(string lane) => lane switch
    {
        LaneNames.Critical => Critical,
        LaneNames.Bulk => Bulk,
        _ => throw new ArgumentException($"'{lane}' is not a lane; lanes are '{LaneNames.Critical}' and '{LaneNames.Bulk}'.", nameof(lane)),
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate(bool silo)
    {
        if (Mock && !silo)
        {
            throw new ArgumentException(
                "Kafka lanes: Mock is silo-only (a client would start a second, empty mock cluster). Set BootstrapServers to the address the silo logged at start-up.");
        }
        if (!Mock && string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new ArgumentException("Kafka lanes: set BootstrapServers (host:port[,host:port...]) or, on a silo, Mock = true.");
        }
        if (ProduceTimeout <= TimeSpan.Zero || StartupTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Kafka lanes: ProduceTimeout and StartupTimeout must be positive.");
        }
        foreach (var lane in LaneNames.All)
        {
            Lane(lane).Validate(lane);
        }
        if (Critical.Topic == Bulk.Topic)
        {
            throw new ArgumentException($"Kafka lanes: the critical and bulk lanes must use different topics (both are '{Critical.Topic}'); one shared topic is exactly the starvation the lanes exist to avoid.");
        }
    }
}
