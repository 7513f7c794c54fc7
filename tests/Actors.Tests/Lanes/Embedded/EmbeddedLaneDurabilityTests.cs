using Actors.Streaming.Embedded;
using Actors.Streaming.Lanes;

namespace Actors.Tests.Lanes.Embedded;

/// <summary>What a lane acknowledged to its publisher survives the silo: a new silo on the same data delivers it.</summary>
public sealed class EmbeddedLaneDurabilityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Events_enqueued_but_undelivered_when_the_silo_is_killed_are_delivered_by_a_new_silo_on_the_same_data()
    {
        using var directory = new TempDirectory();
        using var run = ProbeRun.Start();
        const int perStream = 10;
        var streams = LaneNames.All.SelectMany(lane => new[] { "a", "b", "c" }.Select(entity => (Lane: lane, Entity: entity))).ToList();
        var expected = streams.SelectMany(s => Enumerable.Range(1, perStream).Select(seq => (s.Lane, s.Entity, (long)seq))).ToHashSet();

        // The first silo's consumers fail every delivery, and retry far longer than the test: nothing gets acknowledged.
        run.Fails = (_, _) => true;
        await using (var first = await EmbeddedLaneCluster.StartAsync(directory.Path, silos: 1, RetryForever))
        {
            await Task.WhenAll(streams.Select((s, i) => first.Publisher(i).Publish(
                s.Lane, run.StreamKey(s.Entity), Enumerable.Range(1, perStream).Select(seq => run.Envelope(s.Entity, seq)).ToList())));
            Assert.Equal(3 * perStream, await first.PendingAsync(LaneNames.Critical));
            Assert.Equal(3 * perStream, await first.PendingAsync(LaneNames.Bulk));
            // Kill while deliveries are under way on both lanes.
            await ProbeRun.WaitUntilAsync(() => LaneNames.All.All(lane => run.Attempts.Keys.Any(k => k.Lane == lane)), Patience,
                () => "no delivery was attempted on one of the lanes");
            await first.KillAsync();
        }
        Assert.Empty(run.Deliveries);

        run.Fails = (_, _) => false;
        await using var second = await EmbeddedLaneCluster.StartAsync(directory.Path, silos: 1, RetryForever);
        await ProbeRun.WaitUntilAsync(() => expected.IsSubsetOf(run.Deliveries.Select(d => (d.Lane, d.Envelope.Entity, d.Envelope.Seq))), Patience,
            () => $"{run.Deliveries.Count} deliveries, missing {expected.Except(run.Deliveries.Select(d => (d.Lane, d.Envelope.Entity, d.Envelope.Seq))).Count()}");
        // Stopping the first silo mid-retry did not pass for a spent retry budget: nothing was dead-lettered.
        foreach (var lane in LaneNames.All)
        {
            Assert.Equal(0, await second.DeadLetters.CountAsync(lane, CancellationToken.None));
        }
        await ProbeRun.WaitUntilAsync(async () => await second.PendingAsync(LaneNames.Critical) + await second.PendingAsync(LaneNames.Bulk) == 0, Patience,
            () => "redelivered messages stayed unacknowledged");
    }

    private static void RetryForever(EmbeddedLaneOptions options)
    {
        EmbeddedLaneCluster.FastSettings(options);
        foreach (var lane in LaneNames.All)
        {
            // 1000 attempts 200 ms apart: a retry budget of minutes.
            options.For(lane).MaxDeliveryAttempts = 1000;
        }
    }
}
