using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace Actors.Streaming.Kafka;

/// <summary>
/// Finds how many partitions a topic has, waiting until every partition has a leader. Asking for a topic's metadata
/// also creates it where the broker allows auto-creation (the mock always does; CreateTopics is not supported there);
/// on a cluster with auto-creation off the topics must exist beforehand, and the error says which one is missing.
/// </summary>
internal static class KafkaTopicDiscovery
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);

    public static async Task<IReadOnlyDictionary<string, int>> PartitionCountsAsync(
        KafkaConnection connection,
        IReadOnlyCollection<string> topics,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var admin = connection.CreateAdminClient();
        var deadline = DateTime.UtcNow + timeout;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var topic in topics.Distinct(StringComparer.Ordinal))
        {
            string? lastProblem = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException(
                        $"Kafka lanes: topic '{topic}' at {connection.BootstrapServers} is not usable after {timeout.TotalSeconds:0} s ({lastProblem ?? "no answer"}). " +
                        "Create it (or enable auto.create.topics.enable on the brokers).");
                }
                try
                {
                    var metadata = await Task.Run(() => admin.GetMetadata(topic, remaining), cancellationToken);
                    var found = metadata.Topics.SingleOrDefault(t => t.Topic == topic);
                    if (found is null)
                    {
                        lastProblem = "not in the metadata";
                    }
                    else if (found.Error.Code != ErrorCode.NoError)
                    {
                        lastProblem = found.Error.Reason;
                    }
                    else if (found.Partitions.Count == 0 || found.Partitions.Any(p => p.Leader < 0 || p.Error.Code != ErrorCode.NoError))
                    {
                        lastProblem = "partitions without a leader";
                    }
                    else
                    {
                        counts[topic] = found.Partitions.Count;
                        break;
                    }
                }
                catch (KafkaException metadataFailed)
                {
                    lastProblem = metadataFailed.Error.Reason;
                }
                await Task.Delay(RetryPause, cancellationToken);
            }
        }
        return counts;
    }
}
