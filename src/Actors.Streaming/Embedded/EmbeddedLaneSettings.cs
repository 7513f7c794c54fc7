namespace Actors.Streaming.Embedded;

/// <summary>How one embedded lane (one Orleans stream provider) queues and delivers.</summary>
public sealed class EmbeddedLaneSettings
{
    /// <summary>Orleans queues (SQLite partitions) of the lane. Streams are spread over them by hash; each is pulled by one agent, in order.</summary>
    public int Partitions { get; set; } = 2;

    /// <summary>Messages a pulling agent reads from a partition per query (it reads again at once while more are waiting).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>How often a pulling agent looks for new messages when its partition was empty: the floor of the lane's latency.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Deliveries of one message to one consumer that may fail before the message goes to the lane's dead-letter queue
    /// and its partition moves past it.
    /// </summary>
    /// <remarks>
    /// Orleans 10.4.2 bounds redelivery by time, not by count: it retries a failed delivery, waiting <see cref="RetryDelay"/>
    /// in between, until <c>StreamPullingAgentOptions.MaxEventDeliveryTime</c> has passed. The lane sets that time to
    /// <see cref="RetryDelay"/> × (<see cref="MaxDeliveryAttempts"/> − ½), which allows exactly this many attempts when a
    /// failing delivery fails fast, and fewer when each attempt itself takes long (a consumer timing out): either way a
    /// poison message holds its stream for at most <see cref="DeliveryBudget"/> plus one attempt.
    /// </remarks>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Wait between two delivery attempts of a message whose delivery failed.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Messages of one partition a silo holds in memory, read but not yet acknowledged (the Orleans queue cache). When it is
    /// full the agent stops reading until consumers catch up: the bound on in-flight work.
    /// </summary>
    public int CacheSize { get; set; } = 1024;

    /// <summary>The time Orleans keeps retrying one delivery, derived from <see cref="MaxDeliveryAttempts"/> and <see cref="RetryDelay"/>.</summary>
    public TimeSpan DeliveryBudget => RetryDelay * (MaxDeliveryAttempts - 0.5);

    /// <summary>Defaults for the <c>critical</c> lane: few partitions, small reads, a short poll period, quick retries.</summary>
    public static EmbeddedLaneSettings CriticalDefaults() => new()
    {
        Partitions = 2,
        BatchSize = 32,
        PollPeriod = TimeSpan.FromMilliseconds(20),
        MaxDeliveryAttempts = 5,
        RetryDelay = TimeSpan.FromMilliseconds(200),
        CacheSize = 1024,
    };

    /// <summary>Defaults for the <c>bulk</c> lane: more partitions, large reads, a longer poll period, a bounded cache.</summary>
    public static EmbeddedLaneSettings BulkDefaults() => new()
    {
        Partitions = 4,
        BatchSize = 256,
        PollPeriod = TimeSpan.FromMilliseconds(100),
        MaxDeliveryAttempts = 5,
        RetryDelay = TimeSpan.FromSeconds(1),
        CacheSize = 4096,
    };

    internal void Validate(string lane)
    {
        Require(Partitions >= 1, lane, $"{nameof(Partitions)} must be at least 1 (is {Partitions}).");
        Require(BatchSize >= 1, lane, $"{nameof(BatchSize)} must be at least 1 (is {BatchSize}).");
        Require(PollPeriod > TimeSpan.Zero, lane, $"{nameof(PollPeriod)} must be positive (is {PollPeriod}).");
        Require(MaxDeliveryAttempts >= 1, lane, $"{nameof(MaxDeliveryAttempts)} must be at least 1 (is {MaxDeliveryAttempts}).");
        Require(RetryDelay > TimeSpan.Zero, lane, $"{nameof(RetryDelay)} must be positive (is {RetryDelay}).");
        // SimpleQueueCache lets an agent add a tenth of its size per read, and at least one message.
        Require(CacheSize >= 10, lane, $"{nameof(CacheSize)} must be at least 10 (is {CacheSize}).");
    }

    private static void Require(bool condition, string lane, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Embedded lane '{lane}': {message}");
        }
    }
}
