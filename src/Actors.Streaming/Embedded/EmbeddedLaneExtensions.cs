using Actors.Streaming.Lanes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Providers;
using Orleans.Streams;

namespace Actors.Streaming.Embedded;

/// <summary>Registers the embedded durable lanes (SQLite) on a silo.</summary>
public static class EmbeddedLaneExtensions
{
    /// <summary>
    /// Adds the <see cref="LaneNames.Critical"/> and <see cref="LaneNames.Bulk"/> stream providers over one SQLite queue file
    /// (<see cref="SqliteLaneStore.FileName"/> in <see cref="EmbeddedLaneOptions.DataDirectory"/>), each with its own partitions
    /// and pulling-agent settings, and registers the lanes' <see cref="ILaneDeadLetterQueue"/> (and the
    /// <see cref="SqliteLaneStore"/>) as singletons.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Publishing on a lane stream (<c>GetStream&lt;EventEnvelope&gt;(…).OnNextAsync</c>) returns once the envelope is committed
    /// to disk. Delivery is at least once, in order per stream: a message is deleted only after Orleans reports it delivered,
    /// and after a crash everything not deleted is delivered again.
    /// </para>
    /// <para>
    /// The lanes serve implicit subscriptions only (<see cref="StreamPubSubType.ImplicitOnly"/>): consumers are grains with
    /// <c>[ImplicitStreamSubscription(namespace)]</c>. That is also why no <c>PubSubStore</c> grain storage is needed;
    /// explicit <c>SubscribeAsync</c> on a lane throws.
    /// </para>
    /// </remarks>
    public static ISiloBuilder AddEmbeddedLanes(this ISiloBuilder builder, Action<EmbeddedLaneOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new EmbeddedLaneOptions();
        configure(options);
        options.Validate();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);

        builder.Services.AddSingleton(sp => new SqliteLaneStore(dataDirectory, sp.GetService<ILogger<SqliteLaneStore>>()));
        builder.Services.AddSingleton<ILaneDeadLetterQueue>(sp => sp.GetRequiredService<SqliteLaneStore>());
        builder.Services.AddSingleton<ILaneStatusSource>(sp => new EmbeddedLaneStatusSource(sp.GetRequiredService<SqliteLaneStore>(), options));
        builder.Services.AddSingleton<LaneStopSignal>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<LaneStopSignal>());

        foreach (var lane in LaneNames.All)
        {
            AddLane(builder, lane, options.For(lane));
        }
        return builder;
    }

    private static void AddLane(ISiloBuilder builder, string lane, EmbeddedLaneSettings settings)
    {
        builder.AddPersistentStreams(
            lane,
            (services, name) => new EmbeddedQueueAdapterFactory(
                name,
                settings,
                services.GetRequiredService<SqliteLaneStore>(),
                services.GetRequiredService<LaneStopSignal>(),
                services.GetOptionsByName<SimpleQueueCacheOptions>(name),
                services.GetRequiredService<ILoggerFactory>()),
            stream =>
            {
                stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                stream.ConfigurePullingAgent(agent => agent.Configure(o =>
                {
                    o.GetQueueMsgsTimerPeriod = settings.PollPeriod;
                    // One message per delivery call, on both lanes. With more, Orleans 10.4.2 marks every message of a failed
                    // call as failed and names only the first to the failure handler, so a poison event could not be told
                    // from its neighbours. Bulk batches instead where it pays: one query reads BatchSize messages and one
                    // transaction commits many publishes.
                    o.BatchContainerBatchSize = 1;
                    o.MaxEventDeliveryTime = settings.DeliveryBudget;
                }));
                stream.Configure<SimpleQueueCacheOptions>(cache => cache.Configure(o => o.CacheSize = settings.CacheSize));
                stream.ConfigureBackoffProvider((_, _) => (IMessageDeliveryBackoffProvider)new LaneDeliveryBackoff(settings.RetryDelay));
            });
    }
}
