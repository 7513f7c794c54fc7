using Actors.Cli.Commands;
using Actors.Client;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;

namespace Actors.Tests.Cli.Events;

/// <summary>The CLI's publisher: every event goes out exactly once, lanes are counted from receipts, rejections name the events.</summary>
public sealed class EventsBatchPublisherTests
{
    private static ActorsClient Client(ScriptedIngressGrain ingress) => ActorsClient.FromClusterClient(
        FakeIngressClusterClient.For(ingress),
        new ActorsClientOptions { Retry = { MaxRetryAttempts = 0 } });

    [Fact]
    public async Task Every_event_is_published_once_and_counted_on_the_lane_its_receipt_names()
    {
        var ingress = new ScriptedIngressGrain();
        // Every fourth event is a payment (critical); the rest are usage (bulk).
        var envelopes = Enumerable.Range(1, 1000).Select(i => i % 4 == 0 ? Envelopes.Payment(i) : Envelopes.Usage(i)).ToList();
        var publisher = new EventsBatchPublisher(Client(ingress).Events, batchSize: 128, concurrency: 4);
        var progress = 0;

        var summary = await publisher.PublishAsync("events.jsonl", envelopes, n => Interlocked.Add(ref progress, n), CancellationToken.None);

        Assert.Equal(envelopes.OrderBy(e => e.Seq), ingress.Enqueued.OrderBy(e => e.Seq));
        Assert.Equal(8, ingress.Batches.Count);
        Assert.All(ingress.Batches, b => Assert.InRange(b.Count, 1, 128));
        Assert.Equal(new Dictionary<string, int> { ["bulk"] = 750, ["critical"] = 250 }, summary.Lanes);
        Assert.Equal((1000, 8, "events.jsonl"), (summary.Events, summary.Batches, summary.File));
        Assert.Equal(1000, progress);
        Assert.True(summary.EventsPerSecond > 0, $"rate {summary.EventsPerSecond}");
    }

    [Fact]
    public async Task A_rejected_batch_names_its_events_and_the_earlier_batches_stay_counted()
    {
        var ingress = new ScriptedIngressGrain(_ => null, _ => new InvalidEventException("envelope #3: unknown event type 'UsageRecordd'."));
        var publisher = new EventsBatchPublisher(Client(ingress).Events, batchSize: 500, concurrency: 1);

        var error = await Assert.ThrowsAsync<InvalidEventException>(
            () => publisher.PublishAsync("events.jsonl", Envelopes.Many(1200), static _ => { }, CancellationToken.None));

        Assert.StartsWith("events 501-1000 (in input order) were rejected: envelope #3: unknown event type", error.Message);
        Assert.Equal(500, publisher.Published);
        Assert.Equal(2, ingress.Calls);
    }

    [Fact]
    public async Task Batches_that_are_not_a_multiple_of_the_size_end_with_a_short_one()
    {
        var ingress = new ScriptedIngressGrain();
        var publisher = new EventsBatchPublisher(Client(ingress).Events, batchSize: 300, concurrency: 1);

        var summary = await publisher.PublishAsync("-", Envelopes.Many(701), static _ => { }, CancellationToken.None);

        Assert.Equal([300, 300, 101], ingress.Batches.Select(b => b.Count));
        Assert.Equal(701, summary.Events);
    }
}
