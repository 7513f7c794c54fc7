using System.Text;
using Actors.Streaming.Kafka;
using Actors.Streaming.Lanes;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.IntegrationTests.Kafka;

/// <summary><c>Mock = true</c>: a silo with no broker anywhere starts its own mock cluster and runs the lanes on it.</summary>
public sealed class KafkaMockSiloTests
{
    [Fact]
    public async Task A_silo_with_Mock_set_starts_its_own_Kafka_and_consumes_the_default_lane_topics()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => KafkaTestSilo.Configure(silo, o => o.Mock = true));
        await using var cluster = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await cluster.DeployAsync(timeout.Token);
        var silo = cluster.Silos[0].ServiceProvider;
        var bootstrap = silo.GetRequiredService<KafkaConnection>().BootstrapServers;
        await KafkaEventually.Until(() => silo.GetRequiredService<KafkaLaneStatus>().OwnedPartitions().Count > 0, "the silo reading its mock's lane partitions");
        Assert.Equal(["actors.bulk", "actors.critical"], silo.GetRequiredService<KafkaLaneStatus>().OwnedPartitions().Select(p => p.Topic).Distinct().Order().ToArray());

        var tenant = KafkaTestEvents.NewTenant();
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        await producer.ProduceAsync("actors.bulk", new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes($"{tenant}/m1"),
            Value = KafkaEnvelopeCodec.Serialize(KafkaTestEvents.UsageRecorded(tenant, "m1", 1)),
        });

        await KafkaEventually.Until(() => KafkaProbeLog.Of(tenant).Count == 1, $"the event written to the silo's mock at {bootstrap} taken");
        Assert.Equal(LaneNames.Bulk, KafkaProbeLog.Of(tenant).Single().Lane);
    }
}
