namespace Actors.Streaming.Kafka;

/// <summary>One lane's Kafka topic, dead-letter topic, consumer group and pulling-agent settings.</summary>
public sealed class KafkaLaneSettings
{
    /// <summary>The lane's topic. Its partitions, discovered at start-up, become the lane's Orleans queues.</summary>
    public string Topic { get; set; } = "";

    /// <summary>Where the lane's dead letters go; <c>&lt;Topic&gt;.dlq</c> when not set.</summary>
    public string? DeadLetterTopic { get; set; }

    /// <summary>
    /// The consumer group the lane's offsets are committed under. Receivers never join it (they assign partitions
    /// themselves); it only names the committed offsets, so it must stay the same across restarts.
    /// </summary>
    public string ConsumerGroup { get; set; } = "";

    /// <summary>Events handed to a consumer grain in one delivery (Orleans <c>BatchContainerBatchSize</c>).</summary>
    public int BatchSize { get; set; }

    /// <summary>How often an idle queue is polled (Orleans <c>GetQueueMsgsTimerPeriod</c>; also the broker fetch wait).</summary>
    public TimeSpan PollPeriod { get; set; }

    /// <summary>
    /// Messages a partition may hold in memory between being read and being delivered: the bound on in-flight work.
    /// A tenth of it is read per poll.
    /// </summary>
    public int CacheSize { get; set; }

    /// <summary>Deliveries of one event (or batch) to a consumer that fail before it goes to the dead-letter topic.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Pause between two delivery attempts of the same event.</summary>
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The dead-letter topic actually used.</summary>
    public string DeadLetterTopicName => string.IsNullOrWhiteSpace(DeadLetterTopic) ? Topic + ".dlq" : DeadLetterTopic;

    /// <summary>
    /// Where replayed dead letters are recorded (Kafka cannot delete one message): <c>&lt;dead-letter topic&gt;.replayed</c>.
    /// Create it with <c>cleanup.policy=compact</c> on a real cluster.
    /// </summary>
    public string ReplayedTopicName => DeadLetterTopicName + ".replayed";

    internal static KafkaLaneSettings CriticalDefaults() => new()
    {
        Topic = "actors.critical",
        ConsumerGroup = "actors.lanes.critical",
        BatchSize = 1,
        PollPeriod = TimeSpan.FromMilliseconds(20),
        CacheSize = 1024,
    };

    internal static KafkaLaneSettings BulkDefaults() => new()
    {
        Topic = "actors.bulk",
        ConsumerGroup = "actors.lanes.bulk",
        // One event per delivery call, as on the critical lane: a consumer grain that also takes critical events must not
        // be held for a whole bulk batch (128 sequential ledger commits) while a critical event waits in its mailbox. Bulk
        // still reads Kafka in large fetches and commits offsets in bulk; only the hand-over to the grain is per event.
        BatchSize = 1,
        PollPeriod = TimeSpan.FromMilliseconds(100),
        CacheSize = 8192,
    };

    internal void Validate(string lane)
    {
        var problem =
            string.IsNullOrWhiteSpace(Topic) ? "Topic is required"
            : string.IsNullOrWhiteSpace(ConsumerGroup) ? "ConsumerGroup is required"
            : DeadLetterTopicName == Topic ? "DeadLetterTopic must differ from Topic"
            : BatchSize < 1 ? $"BatchSize must be at least 1 (was {BatchSize})"
            : PollPeriod <= TimeSpan.Zero ? $"PollPeriod must be positive (was {PollPeriod})"
            : CacheSize < 10 ? $"CacheSize must be at least 10 (was {CacheSize})"
            : MaxDeliveryAttempts < 1 ? $"MaxDeliveryAttempts must be at least 1 (was {MaxDeliveryAttempts})"
            : DeliveryRetryDelay < TimeSpan.Zero ? $"DeliveryRetryDelay must not be negative (was {DeliveryRetryDelay})"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException($"Kafka lanes, {lane} lane: {problem}.");
        }
    }
}
