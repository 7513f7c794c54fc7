using Actors.Contracts.Events;
using Actors.Domain.Lanes;
using Actors.Streaming.Kafka;
using Actors.Streaming.Lanes;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Actors.IntegrationTests.Kafka;

/// <summary>
/// A two-silo test cluster whose only stream providers are the Kafka lanes, on a librdkafka mock cluster of 3 brokers
/// (or on the real broker named by <c>KAFKA_BOOTSTRAP</c>; the tests are the same). Each fixture uses its own topics, so
/// runs against a shared broker never see each other's messages or offsets. The cluster hosts none of Actors' grains
/// (the lead's AccountGrain also consumes <c>account</c>): only the probe consumes the lanes here.
/// </summary>
public sealed class KafkaLaneClusterFixture : IAsyncLifetime
{
    public const int MaxDeliveryAttempts = 5;

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private KafkaMockCluster? _mock;
    private InProcessTestCluster? _cluster;
    private IProducer<byte[]?, byte[]>? _rawProducer;

    public string BootstrapServers { get; private set; } = "";

    public string CriticalTopic => $"actors.test.{_run}.critical";

    public string BulkTopic => $"actors.test.{_run}.bulk";

    /// <summary>How many partitions (= Orleans queues) each lane topic has, as discovered from the brokers.</summary>
    public IReadOnlyDictionary<string, int> Partitions { get; private set; } = new Dictionary<string, int>();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>A plain Confluent producer with librdkafka's default partitioner: "any other service" writing to a lane topic.</summary>
    public IProducer<byte[]?, byte[]> RawProducer => _rawProducer ?? throw new InvalidOperationException("The fixture is not initialised.");

    public string TopicOf(string lane) => lane == LaneNames.Critical ? CriticalTopic : BulkTopic;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var configured = Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP");
        if (string.IsNullOrWhiteSpace(configured))
        {
            _mock = KafkaMockCluster.Start(brokers: 3);
            BootstrapServers = _mock.BootstrapServers;
        }
        else
        {
            BootstrapServers = configured;
        }
        _rawProducer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = BootstrapServers, Acks = Acks.All }).Build();

        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => KafkaTestSilo.Configure(silo, ConfigureLanes));
        builder.ConfigureClient(client => client.AddKafkaLanes(ConfigureLanes));
        _cluster = builder.Build();
        await _cluster.DeployAsync(timeout.Token);

        Partitions = await PartitionCountsAsync();
        var expected = Partitions.Values.Sum();
        await KafkaEventually.Until(
            () => OwnedPartitions().Count == expected,
            $"the silos read all {expected} lane partitions");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        _rawProducer?.Dispose();
        _mock?.Dispose();
    }

    /// <summary>Publishes through the Orleans client's lane stream, as the ingress grain does on a silo; returns once Kafka acknowledged.</summary>
    public Task PublishAsync(string lane, EventEnvelope envelope) =>
        Cluster.Client.GetStreamProvider(lane)
            .GetStream<EventEnvelope>(StreamId.Create(new EventRoutingTable().Route(envelope.Type).EntityKind, $"{envelope.Tenant}/{envelope.Entity}"))
            .OnNextAsync(envelope);

    /// <summary>The partitions every active silo reads, with their committed offsets and lag.</summary>
    public IReadOnlyList<(InProcessSiloHandle Silo, KafkaPartitionStatus Partition)> OwnedPartitions() =>
        Cluster.GetActiveSilos()
            .SelectMany(silo => silo.ServiceProvider.GetRequiredService<KafkaLaneStatus>().OwnedPartitions().Select(p => (silo, p)))
            .ToList();

    public ILaneDeadLetterQueue DeadLetters => Cluster.GetActiveSilos().First().ServiceProvider.GetRequiredService<ILaneDeadLetterQueue>();

    private void ConfigureLanes(KafkaLaneOptions options)
    {
        options.BootstrapServers = BootstrapServers;
        options.Critical.Topic = CriticalTopic;
        options.Critical.ConsumerGroup = $"actors.test.{_run}.critical";
        options.Bulk.Topic = BulkTopic;
        options.Bulk.ConsumerGroup = $"actors.test.{_run}.bulk";
        foreach (var lane in new[] { options.Critical, options.Bulk })
        {
            lane.MaxDeliveryAttempts = MaxDeliveryAttempts;
            lane.DeliveryRetryDelay = TimeSpan.FromMilliseconds(20);
        }
    }

    private async Task<IReadOnlyDictionary<string, int>> PartitionCountsAsync()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        return await Task.Run(() => new[] { CriticalTopic, BulkTopic }.ToDictionary(
            topic => topic,
            topic => admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count));
    }
}
