using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Actors.Streaming.Embedded;

/// <summary>
/// Builds one embedded lane for Orleans: its adapter, its <see cref="EmbeddedLaneSettings.Partitions"/> queues (a
/// consistent hash ring over the lane's streams), the in-memory cache in front of each queue and the failure handler
/// that dead-letters poison messages.
/// </summary>
internal sealed class EmbeddedQueueAdapterFactory : IQueueAdapterFactory
{
    private readonly SqliteLaneStore _store;
    private readonly HashRingBasedStreamQueueMapper _mapper;
    private readonly SimpleQueueAdapterCache _cache;
    private readonly EmbeddedQueueAdapter _adapter;
    private readonly string _lane;
    private readonly ILoggerFactory _loggerFactory;

    public EmbeddedQueueAdapterFactory(
        string lane, EmbeddedLaneSettings settings, SqliteLaneStore store, LaneStopSignal stopSignal, SimpleQueueCacheOptions cacheOptions, ILoggerFactory loggerFactory)
    {
        _lane = lane;
        _store = store;
        _loggerFactory = loggerFactory;
        _mapper = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = settings.Partitions }, lane);
        _cache = new SimpleQueueAdapterCache(cacheOptions, lane, loggerFactory);
        _adapter = new EmbeddedQueueAdapter(lane, store, _mapper, settings, stopSignal, loggerFactory);
        store.DeclareLane(lane, settings.Partitions);
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken)
    {
        // The silo does not start with a queue it cannot open.
        await _store.InitializeAsync(cancellationToken);
        return _adapter;
    }

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new EmbeddedDeliveryFailureHandler(
            _lane, queueId, _adapter.FindReceiver, _loggerFactory.CreateLogger<EmbeddedDeliveryFailureHandler>()));
}
