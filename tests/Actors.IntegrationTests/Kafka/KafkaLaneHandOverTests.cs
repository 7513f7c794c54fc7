using Actors.Contracts.Events;
using Actors.Streaming.Lanes;

namespace Actors.IntegrationTests.Kafka;

/// <summary>
/// A silo that reads partitions stops; another silo takes its queues and resumes each partition at the committed
/// offset: nothing committed is delivered again, nothing acknowledged is lost. Its own fixture, because it stops a silo.
/// </summary>
public sealed class KafkaLaneHandOverTests(KafkaLaneClusterFixture fixture) : IClassFixture<KafkaLaneClusterFixture>
{
    [Fact]
    public async Task When_a_silo_stops_another_takes_its_partitions_and_resumes_at_the_committed_offset()
    {
        var tenant = KafkaTestEvents.NewTenant();
        var before = Events(tenant, "a", count: 24);
        await PublishAllAsync(before);
        await KafkaEventually.Until(() => Taken(tenant, before) == before.Count, "the first batch taken");
        await KafkaEventually.Until(
            () => fixture.OwnedPartitions().All(p => p.Partition.Lag == 0 && p.Partition.InFlight == 0),
            () => $"every partition committed up to its end: {string.Join("; ", fixture.OwnedPartitions().Select(p => p.Partition))}");

        var owners = fixture.OwnedPartitions();
        var victim = owners.Select(o => o.Silo).Distinct().OrderBy(s => s == fixture.Cluster.Silos[0]).First();
        Assert.Contains(owners, o => o.Silo == victim);
        var takenBeforeStop = KafkaProbeLog.Mark();
        // Published just before the stop: taken either by the stopping silo or, after the hand-over, by the survivor.
        var inFlight = Events(tenant, "b", count: 12);
        await PublishAllAsync(inFlight);

        await fixture.Cluster.StopSiloAsync(victim);
        var expected = fixture.Partitions.Values.Sum();
        await KafkaEventually.Until(
            () => fixture.OwnedPartitions().Count == expected && fixture.OwnedPartitions().All(p => p.Silo != victim),
            "the surviving silo reads every partition");
        var after = Events(tenant, "c", count: 24);
        await PublishAllAsync(after);

        await KafkaEventually.Until(() => Taken(tenant, inFlight) == inFlight.Count && Taken(tenant, after) == after.Count, "every event published around and after the stop taken");
        var redelivered = KafkaProbeLog.Of(tenant).Where(d => d.Order > takenBeforeStop && d.Entity.StartsWith("a", StringComparison.Ordinal)).ToList();
        Assert.Empty(redelivered);
    }

    private static List<(string Lane, EventEnvelope Envelope)> Events(string tenant, string entityPrefix, int count) =>
        Enumerable.Range(1, count)
            .Select(i => i % 3 == 0
                ? (LaneNames.Critical, KafkaTestEvents.PaymentReceived(tenant, $"{entityPrefix}{i % 8}", i))
                : (LaneNames.Bulk, KafkaTestEvents.UsageRecorded(tenant, $"{entityPrefix}{i % 8}", i)))
            .ToList();

    private async Task PublishAllAsync(List<(string Lane, EventEnvelope Envelope)> events)
    {
        foreach (var (lane, envelope) in events)
        {
            await fixture.PublishAsync(lane, envelope);
        }
    }

    private static int Taken(string tenant, List<(string Lane, EventEnvelope Envelope)> events)
    {
        var taken = KafkaProbeLog.Of(tenant).Select(d => (d.Entity, d.Seq)).ToHashSet();
        return events.Count(e => taken.Contains((e.Envelope.Entity, e.Envelope.Seq)));
    }
}
