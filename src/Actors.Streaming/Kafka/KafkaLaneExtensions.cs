using Actors.Domain.Lanes;
using Actors.Streaming.Embedded;
using Actors.Streaming.Lanes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;

namespace Actors.Streaming.Kafka;

/// <summary>Registers the <c>critical</c> and <c>bulk</c> lanes as Orleans persistent stream providers over Kafka topics.</summary>
public static class KafkaLaneExtensions
{
    /// <summary>
    /// Adds one Orleans persistent stream provider per lane (<see cref="LaneNames.Critical"/>, <see cref="LaneNames.Bulk"/>),
    /// each reading its own topic with one Orleans queue per partition, and the Kafka dead-letter queue as
    /// <see cref="ILaneDeadLetterQueue"/>. Lane consumers are grains with implicit stream subscriptions (the lanes use
    /// implicit-only pub-sub, so no pub-sub grain storage is needed).
    /// </summary>
    /// <param name="builder">The silo.</param>
    /// <param name="configure">Sets <see cref="KafkaLaneOptions.BootstrapServers"/> (or <see cref="KafkaLaneOptions.Mock"/>) and the lane sections.</param>
    /// <example><code>
    /// silo.AddKafkaLanes(o =>
    /// {
    ///     o.BootstrapServers = "kafka-1:9092,kafka-2:9092";
    ///     o.Settings["security.protocol"] = "SASL_SSL";
    ///     o.Bulk.CacheSize = 16384;
    /// });
    /// </code></example>
    public static ISiloBuilder AddKafkaLanes(this ISiloBuilder builder, Action<KafkaLaneOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        AddShared(services, configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KafkaPartitionDirectory>();
        services.TryAddSingleton<KafkaDeadLetterQueue>();
        services.AddSingleton<ILaneDeadLetterQueue>(sp => sp.GetRequiredService<KafkaDeadLetterQueue>());
        services.TryAddSingleton(sp => new KafkaInstruments(sp.GetRequiredService<KafkaPartitionDirectory>(), sp.GetRequiredService<KafkaDeadLetterQueue>()));
        services.TryAddSingleton(sp => new KafkaLaneStatus(sp.GetRequiredService<KafkaPartitionDirectory>()));
        services.AddSingleton<ILaneStatusSource, KafkaLaneStatusSource>();
        services.TryAddSingleton<LaneStopSignal>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<LaneStopSignal>());

        foreach (var lane in LaneNames.All)
        {
            builder.AddPersistentStreams(lane, KafkaQueueAdapterFactory.CreateForSilo, stream =>
            {
                stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                stream.ConfigurePullingAgent(agent => agent.Configure<IOptions<KafkaLaneOptions>>((pulling, kafka) =>
                {
                    var settings = kafka.Value.Lane(lane);
                    pulling.BatchContainerBatchSize = settings.BatchSize;
                    pulling.GetQueueMsgsTimerPeriod = settings.PollPeriod;
                }));
                stream.ConfigureBackoffProvider((sp, name) =>
                {
                    var settings = sp.GetRequiredService<IOptions<KafkaLaneOptions>>().Value.Lane(name);
                    return new KafkaDeliveryRetryBackoff(settings.MaxDeliveryAttempts, settings.DeliveryRetryDelay);
                });
            });
        }
        return builder;
    }

    /// <summary>
    /// Lets an Orleans client publish straight onto the lane topics (<c>GetStreamProvider("critical" | "bulk")</c>);
    /// the silos consume. Publishing returns once Kafka acknowledged the event. <see cref="KafkaLaneOptions.Mock"/> is
    /// not allowed here: point <see cref="KafkaLaneOptions.BootstrapServers"/> at the brokers the silos use.
    /// </summary>
    /// <param name="builder">The client.</param>
    /// <param name="configure">Sets <see cref="KafkaLaneOptions.BootstrapServers"/> and, if renamed, the lane topics.</param>
    public static IClientBuilder AddKafkaLanes(this IClientBuilder builder, Action<KafkaLaneOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddShared(builder.Services, configure);
        foreach (var lane in LaneNames.All)
        {
            builder.AddPersistentStreams(lane, KafkaQueueAdapterFactory.CreateForClient, stream => stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        }
        return builder;
    }

    private static void AddShared(IServiceCollection services, Action<KafkaLaneOptions> configure)
    {
        services.AddOptions<KafkaLaneOptions>().Configure(configure);
        // The default routing table, unless the host registered its configured one (which then wins either way).
        services.TryAddSingleton(_ => new EventRoutingTable());
        services.TryAddSingleton<KafkaConnection>();
    }
}
