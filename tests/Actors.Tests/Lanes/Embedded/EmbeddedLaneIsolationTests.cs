using System.Diagnostics;
using Actors.Streaming.Lanes;
using Xunit.Abstractions;

namespace Actors.Tests.Lanes.Embedded;

/// <summary>A flood on the bulk lane does not sit in front of a critical event: separate queues, agents and consumers.</summary>
public sealed class EmbeddedLaneIsolationTests(ITestOutputHelper output)
{
    private const int Backlog = 20_000;
    private const int Chunk = 1_000;

    [Fact]
    public async Task A_critical_event_published_behind_a_bulk_backlog_is_received_long_before_the_backlog_drains()
    {
        using var directory = new TempDirectory();
        using var run = ProbeRun.Start();
        // Each bulk event costs its consumer a millisecond: two flooded streams drain at most ~2000 events a second.
        run.BulkWork = TimeSpan.FromMilliseconds(1);
        await using var lanes = await EmbeddedLaneCluster.StartAsync(directory.Path, silos: 1, EmbeddedLaneCluster.FastSettings);
        var floods = new[] { "flood-0", "flood-1" };

        await Task.WhenAll(floods.Select(async (entity, i) =>
        {
            for (var first = 1; first <= Backlog / floods.Length; first += Chunk)
            {
                var chunk = Enumerable.Range(first, Chunk).Select(seq => run.Envelope(entity, seq)).ToList();
                await lanes.Publisher(i).PublishBatch(LaneNames.Bulk, run.StreamKey(entity), chunk);
            }
        }));

        var published = Stopwatch.GetTimestamp();
        await lanes.Publisher(99).Publish(LaneNames.Critical, run.StreamKey("alarm"), [run.Envelope("alarm", 1)]);

        await ProbeRun.WaitUntilAsync(() => run.Received(LaneNames.Critical) == 1, TimeSpan.FromSeconds(30), () => "the critical event did not arrive");
        var critical = run.Deliveries.Single(d => d.Lane == LaneNames.Critical);
        var latency = Stopwatch.GetElapsedTime(published);
        var bulkAhead = run.Deliveries.Count(d => d.Lane == LaneNames.Bulk && d.Index < critical.Index);
        output.WriteLine($"critical event received {latency.TotalMilliseconds:0} ms after its publish began; {bulkAhead} of {Backlog} bulk events were received before it");
        Assert.True(Backlog - bulkAhead >= Backlog / 4,
            $"the critical event arrived after {bulkAhead} of {Backlog} bulk events: it waited for the backlog");
    }
}
