using Actors.Domain.Lanes;
using Actors.Streaming.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Streams;

namespace Actors.Streaming.Kafka;

/// <summary>
/// Builds one lane's adapter, queue mapper, cache and failure handler. On a silo the lane topic's partitions are
/// discovered when the adapter is created (before Orleans asks for the queue mapper), and each partition becomes one
/// Orleans queue: queue number n reads partition n. On a client the adapter only publishes.
/// </summary>
internal sealed class KafkaQueueAdapterFactory : IQueueAdapterFactory
{
    private readonly string _lane;
    private readonly bool _silo;
    private readonly KafkaLaneOptions _options;
    private readonly KafkaLaneSettings _settings;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private HashRingBasedStreamQueueMapper? _mapper;
    private KafkaQueueAdapterCache? _cache;

    private KafkaQueueAdapterFactory(IServiceProvider services, string lane, bool silo)
    {
        _services = services;
        _lane = lane;
        _silo = silo;
        _options = services.GetRequiredService<IOptions<KafkaLaneOptions>>().Value;
        _options.Validate(silo);
        _settings = _options.Lane(lane);
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger($"{typeof(KafkaQueueAdapterFactory).FullName}.{lane}");
    }

    public static IQueueAdapterFactory CreateForSilo(IServiceProvider services, string lane) => new KafkaQueueAdapterFactory(services, lane, silo: true);

    public static IQueueAdapterFactory CreateForClient(IServiceProvider services, string lane) => new KafkaQueueAdapterFactory(services, lane, silo: false);

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken)
    {
        var connection = _services.GetRequiredService<KafkaConnection>();
        var routing = _services.GetRequiredService<EventRoutingTable>();
        if (!_silo)
        {
            return new KafkaQueueAdapter(_lane, _settings, connection, routing, StreamProviderDirection.WriteOnly, NoReceiver);
        }

        var counts = await KafkaTopicDiscovery.PartitionCountsAsync(
            connection,
            [_settings.Topic, _settings.DeadLetterTopicName, _settings.ReplayedTopicName],
            _options.StartupTimeout,
            cancellationToken);
        var partitions = counts[_settings.Topic];
        _mapper = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = partitions }, _lane);
        _logger.LogInformation(
            "{Lane} lane: topic {Topic} at {BootstrapServers} has {Partitions} partition(s), one Orleans queue each; dead letters go to {DeadLetterTopic}.",
            _lane, _settings.Topic, connection.BootstrapServers, partitions, _settings.DeadLetterTopicName);

        var directory = _services.GetRequiredService<KafkaPartitionDirectory>();
        var deadLetters = _services.GetRequiredService<KafkaDeadLetterQueue>();
        var instruments = _services.GetRequiredService<KafkaInstruments>();
        var receiverLogger = _services.GetRequiredService<ILoggerFactory>().CreateLogger<KafkaQueueAdapterReceiver>();
        var stopSignal = _services.GetRequiredService<LaneStopSignal>();
        return new KafkaQueueAdapter(
            _lane,
            _settings,
            connection,
            routing,
            StreamProviderDirection.ReadWrite,
            queue => new KafkaQueueAdapterReceiver(_lane, queue, _settings, connection, directory, deadLetters, routing, instruments, stopSignal, receiverLogger));
    }

    public IQueueAdapterCache GetQueueAdapterCache() =>
        _cache ??= new KafkaQueueAdapterCache(
            _lane,
            _settings.CacheSize,
            _services.GetRequiredService<KafkaPartitionDirectory>(),
            _services.GetRequiredService<ILoggerFactory>());

    public IStreamQueueMapper GetStreamQueueMapper() =>
        _mapper ?? throw new InvalidOperationException($"the {_lane} lane's queues are known only after its adapter discovered the topic's partitions.");

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new KafkaDeliveryFailureHandler(
            _lane,
            queueId,
            _settings.MaxDeliveryAttempts,
            _services.GetRequiredService<KafkaPartitionDirectory>(),
            _services.GetRequiredService<KafkaDeadLetterQueue>(),
            _logger));

    private IQueueAdapterReceiver NoReceiver(QueueId queue) =>
        throw new InvalidOperationException($"the {_lane} lane adapter of an Orleans client only publishes (queue {queue}).");
}
