using Actors.Streaming.Lanes;

namespace Actors.Tests.Lanes.Embedded;

/// <summary>Delivery through the real embedded adapter on two silos: everything arrives, in order per stream, and poison is isolated.</summary>
public sealed class EmbeddedLaneDeliveryTests(TwoSiloLanesFixture fixture) : IClassFixture<TwoSiloLanesFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly EmbeddedLaneCluster _lanes = fixture.Lanes;

    [Fact]
    public async Task Every_event_published_on_either_lane_arrives_once_in_stream_order_and_is_then_acknowledged()
    {
        using var run = ProbeRun.Start();
        const int perStream = 40;
        var entities = Enumerable.Range(0, 6).Select(i => $"entity-{i}").ToList();
        var streams = LaneNames.All.SelectMany(lane => entities.Select(entity => (Lane: lane, Entity: entity))).ToList();

        await Task.WhenAll(streams.Select((stream, i) => _lanes.Publisher(i).Publish(
            stream.Lane, run.StreamKey(stream.Entity), Enumerable.Range(1, perStream).Select(seq => run.Envelope(stream.Entity, seq)).ToList())));

        await ProbeRun.WaitUntilAsync(() => run.Deliveries.Count >= streams.Count * perStream, Patience,
            () => $"{run.Deliveries.Count} of {streams.Count * perStream} received");
        foreach (var (lane, entity) in streams)
        {
            var seqs = run.Deliveries.Where(d => d.Lane == lane && d.Envelope.Entity == entity).Select(d => d.Envelope.Seq).ToList();
            Assert.Equal(Enumerable.Range(1, perStream).Select(seq => (long)seq), seqs);
        }
        var sample = run.Deliveries.First(d => d.Envelope.Seq == 7);
        Assert.NotNull(sample.Envelope.EnqueuedAt);
        Assert.Equal(run.Envelope(sample.Envelope.Entity, 7) with { EnqueuedAt = sample.Envelope.EnqueuedAt }, sample.Envelope);

        // Delivered messages are acknowledged (deleted) within a few polls.
        await ProbeRun.WaitUntilAsync(async () => await _lanes.PendingAsync(LaneNames.Critical) + await _lanes.PendingAsync(LaneNames.Bulk) == 0, Patience,
            () => "messages stayed unacknowledged");
    }

    [Fact]
    public async Task A_poison_event_is_dead_lettered_after_its_attempts_and_the_later_events_of_its_stream_still_arrive()
    {
        using var run = ProbeRun.Start();
        run.Fails = (_, envelope) => envelope.Seq == 5;
        const string entity = "poisoned";

        await _lanes.Publisher(100).Publish(LaneNames.Critical, run.StreamKey(entity), Enumerable.Range(1, 12).Select(seq => run.Envelope(entity, seq)).ToList());

        await ProbeRun.WaitUntilAsync(() => run.Received(LaneNames.Critical) >= 11, Patience, () => $"{run.Received(LaneNames.Critical)} of 11 received");
        Assert.Equal([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12], run.Deliveries.Select(d => d.Envelope.Seq));
        // Orleans retries within a time budget (RetryDelay x (attempts - 0.5)), not a count: on an idle machine that is
        // exactly MaxDeliveryAttempts; when the first attempt starts late (a loaded CI machine) fewer fit, never more.
        Assert.InRange(run.AttemptsOf(LaneNames.Critical, entity, 5), 1, _lanes.Options.Critical.MaxDeliveryAttempts);

        var letters = (await _lanes.DeadLetters.ListAsync(LaneNames.Critical, 1000, CancellationToken.None)).Where(d => d.Envelope.Tenant == run.Tenant).ToList();
        var letter = Assert.Single(letters);
        Assert.Equal(LaneNames.Critical, letter.Lane);
        Assert.Equal(run.Envelope(entity, 5), letter.Envelope with { EnqueuedAt = null });
        Assert.Contains("failed on every attempt", letter.Reason);
        Assert.Contains(run.StreamKey(entity), letter.Reason);

        // The dead-lettered offset counts as settled: the partition is acknowledged past it.
        await ProbeRun.WaitUntilAsync(async () => await _lanes.PendingAsync(LaneNames.Critical) == 0, Patience, () => "the critical lane stayed unacknowledged");
        Assert.True(await _lanes.DeadLetters.RemoveAsync(LaneNames.Critical, letter.Id, CancellationToken.None));
    }
}
