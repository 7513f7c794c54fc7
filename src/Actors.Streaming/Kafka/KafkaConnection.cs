using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Streaming.Kafka;

/// <summary>
/// The one place Kafka client configuration is composed: the bootstrap address (configured, or the silo's own mock
/// cluster), the pass-through settings, and the guarantees the lanes depend on, applied after the pass-through so no
/// setting can weaken them. Owns the producer every lane and dead-letter queue of this process shares.
/// </summary>
public sealed class KafkaConnection : IDisposable
{
    private readonly KafkaLaneOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<string> _bootstrapServers;
    private readonly Lazy<IProducer<byte[]?, byte[]>> _producer;
    private KafkaMockCluster? _mock;

    /// <summary>Creates the connection; nothing is contacted until first use.</summary>
    public KafkaConnection(IOptions<KafkaLaneOptions> options, ILogger<KafkaConnection> logger)
    {
        _options = options.Value;
        _logger = logger;
        _bootstrapServers = new Lazy<string>(ResolveBootstrapServers, LazyThreadSafetyMode.ExecutionAndPublication);
        _producer = new Lazy<IProducer<byte[]?, byte[]>>(BuildProducer, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The brokers every client of this process talks to (the mock's address when <see cref="KafkaLaneOptions.Mock"/>).</summary>
    public string BootstrapServers => _bootstrapServers.Value;

    internal KafkaLaneOptions Options => _options;

    /// <summary>The shared idempotent, <c>acks=all</c> producer.</summary>
    internal IProducer<byte[]?, byte[]> Producer => _producer.Value;

    internal IConsumer<byte[]?, byte[]?> CreateConsumer(string groupId, TimeSpan fetchWait)
    {
        var config = new ConsumerConfig();
        Apply(config);
        config.GroupId = groupId;
        // The lanes decide what is committed (the contiguous delivered prefix); librdkafka must never commit on its own.
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        // Honoured by real brokers (skips aborted transactional writes of other services); the mock ignores it.
        config.IsolationLevel ??= IsolationLevel.ReadCommitted;
        // librdkafka's default 500 ms fetch wait would be the latency floor of an idle critical lane.
        config.FetchWaitMaxMs = (int)Math.Clamp(fetchWait.TotalMilliseconds, 1, 500);
        return new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetLogHandler((_, message) => KafkaLog.Write(_logger, message))
            .SetErrorHandler((_, error) => KafkaLog.Error(_logger, error))
            .Build();
    }

    internal IAdminClient CreateAdminClient()
    {
        var config = new AdminClientConfig();
        Apply(config);
        return new AdminClientBuilder(config)
            .SetLogHandler((_, message) => KafkaLog.Write(_logger, message))
            .SetErrorHandler((_, error) => KafkaLog.Error(_logger, error))
            .Build();
    }

    /// <summary>Flushes the producer and stops the mock cluster this silo started, if any.</summary>
    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(5));
            _producer.Value.Dispose();
        }
        _mock?.Dispose();
    }

    private IProducer<byte[]?, byte[]> BuildProducer()
    {
        var config = new ProducerConfig { LingerMs = 2 };
        Apply(config);
        // Acknowledged means durable: every in-sync replica has the message, and retries never duplicate or reorder it.
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        config.MessageTimeoutMs = (int)_options.ProduceTimeout.TotalMilliseconds;
        // murmur2 is the Java client's default, so an entity lands on the same partition whoever publishes it.
        config.Partitioner ??= Partitioner.Murmur2Random;
        return new ProducerBuilder<byte[]?, byte[]>(config)
            .SetLogHandler((_, message) => KafkaLog.Write(_logger, message))
            .SetErrorHandler((_, error) => KafkaLog.Error(_logger, error))
            .Build();
    }

    private void Apply(ClientConfig config)
    {
        foreach (var (key, value) in _options.Settings)
        {
            config.Set(key, value);
        }
        config.BootstrapServers = BootstrapServers;
        config.ClientId ??= "actors-lanes";
    }

    private string ResolveBootstrapServers()
    {
        if (!_options.Mock)
        {
            return _options.BootstrapServers
                ?? throw new InvalidOperationException("Kafka lanes: BootstrapServers is not set (and Mock is off).");
        }
        _mock = KafkaMockCluster.Start(3, _logger);
        _logger.LogWarning(
            "Kafka lanes: started a librdkafka MOCK cluster (3 brokers, in this process, data lost when the silo stops). Bootstrap servers: {BootstrapServers}",
            _mock.BootstrapServers);
        return _mock.BootstrapServers;
    }
}
