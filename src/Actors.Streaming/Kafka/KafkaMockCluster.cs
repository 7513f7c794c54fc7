using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Actors.Streaming.Kafka;

/// <summary>
/// librdkafka's built-in mock cluster: real Kafka protocol on localhost ports, inside this process, no broker installed.
/// It lives exactly as long as this object (the client that created it). Topics are auto-created with 4 partitions on
/// first use; CreateTopics, transactions and read_committed are not supported by the mock.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly IAdminClient _owner;

    private KafkaMockCluster(IAdminClient owner, string bootstrapServers)
    {
        _owner = owner;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>The mock brokers as a <c>bootstrap.servers</c> list for any Kafka client in this process.</summary>
    public string BootstrapServers { get; }

    /// <summary>Starts a mock cluster of <paramref name="brokers"/> brokers and waits until its address is known.</summary>
    /// <param name="brokers">How many brokers the mock runs (3 gives real leader/replica behaviour).</param>
    /// <param name="logger">Receives librdkafka's log lines; without it they go to standard error.</param>
    /// <param name="timeout">How long to wait for the mock's metadata; 10 seconds when not given.</param>
    public static KafkaMockCluster Start(int brokers = 3, ILogger? logger = null, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        var config = new AdminClientConfig { ClientId = "actors-kafka-mock" };
        config.Set("test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var builder = new AdminClientBuilder(config);
        if (logger is not null)
        {
            builder.SetLogHandler((_, message) => KafkaLog.Write(logger, message));
        }
        var owner = builder.Build();
        try
        {
            var metadata = owner.GetMetadata(timeout ?? TimeSpan.FromSeconds(10));
            if (metadata.Brokers.Count == 0)
            {
                throw new InvalidOperationException("the librdkafka mock cluster reported no brokers.");
            }
            var bootstrap = string.Join(",", metadata.Brokers.OrderBy(b => b.BrokerId).Select(b => $"{b.Host}:{b.Port}"));
            return new KafkaMockCluster(owner, bootstrap);
        }
        catch
        {
            owner.Dispose();
            throw;
        }
    }

    /// <summary>Stops the mock brokers; every topic and offset in them is gone.</summary>
    public void Dispose() => _owner.Dispose();
}
