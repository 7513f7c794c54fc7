using Actors.Streaming.Kafka;
using Actors.Streaming.Lanes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Actors.IntegrationTests.Kafka;

/// <summary>The Kafka lanes' status is read from the brokers: every partition, whichever silo reads it, and its lag.</summary>
public sealed class KafkaLaneStatusTests(KafkaLaneClusterFixture fixture) : IClassFixture<KafkaLaneClusterFixture>
{
    [Fact]
    public async Task Status_reports_the_lag_of_unconsumed_messages_and_none_once_they_are_consumed()
    {
        const int Published = 15;
        var status = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ILaneStatusSource>();
        var before = await status.ReadAsync(CancellationToken.None);
        Assert.Equal(fixture.Partitions[fixture.CriticalTopic], before.Count(r => r.Lane == LaneNames.Critical));
        Assert.Equal(fixture.Partitions[fixture.BulkTopic], before.Count(r => r.Lane == LaneNames.Bulk));

        var tenant = KafkaTestEvents.NewTenant();
        for (var i = 1; i <= Published; i++)
        {
            await fixture.PublishAsync(LaneNames.Bulk, KafkaTestEvents.UsageRecorded(tenant, $"c{i % 5}", i));
        }

        IReadOnlyList<LanePartitionStatus> after = before;
        await KafkaEventually.Until(
            async () =>
            {
                after = await status.ReadAsync(CancellationToken.None);
                return after.All(r => r.Pending == 0) && Delivered(before, after, LaneNames.Bulk) == Published;
            },
            () => $"no lag and {Published} delivered on the bulk lane; last read: {string.Join(", ", after)}");
        Assert.Equal(0, Delivered(before, after, LaneNames.Critical));
        Assert.All(after, r => Assert.Equal(0, r.DeadLetters));

        // A consumer group that never read the topics: everything in them is its lag.
        var idleGroups = IdleGroupOptions();
        using var connection = new KafkaConnection(idleGroups, NullLogger<KafkaConnection>.Instance);
        var unread = await new KafkaLaneStatusSource(connection, idleGroups, fixture.DeadLetters).ReadAsync(CancellationToken.None);
        Assert.Equal(Published, unread.Where(r => r.Lane == LaneNames.Bulk).Sum(r => r.Pending));
        Assert.Equal(
            after.Where(r => r.Lane == LaneNames.Bulk).Select(r => (r.Partition, r.Committed)),
            unread.Where(r => r.Lane == LaneNames.Bulk).Select(r => (r.Partition, r.Committed + r.Pending)));
    }

    private IOptions<KafkaLaneOptions> IdleGroupOptions()
    {
        var options = new KafkaLaneOptions { BootstrapServers = fixture.BootstrapServers };
        options.Critical.Topic = fixture.CriticalTopic;
        options.Critical.ConsumerGroup = "idle-" + Guid.NewGuid().ToString("N");
        options.Bulk.Topic = fixture.BulkTopic;
        options.Bulk.ConsumerGroup = "idle-" + Guid.NewGuid().ToString("N");
        return Options.Create(options);
    }

    private static long Delivered(IReadOnlyList<LanePartitionStatus> before, IReadOnlyList<LanePartitionStatus> after, string lane) =>
        after.Where(r => r.Lane == lane).Sum(r => r.DeliveredTotal) - before.Where(r => r.Lane == lane).Sum(r => r.DeliveredTotal);
}
