using Actors.Client;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Actors.Tests.Cli.Events;

/// <summary>
/// The SDK's events client validates before sending, splits batches into calls of at most 500, and retries transient
/// failures with the very same envelopes (the idempotency key never changes); a cluster's verdict is never retried.
/// </summary>
public sealed class EventsClientRetryTests
{
    private static readonly Func<int, Exception?> SiloDown = _ => new SiloUnavailableException("silo went away");
    private static readonly Func<int, Exception?> Timeout = _ => new TimeoutException("response timed out");
    private static readonly Func<int, Exception?> ConnectionLost = _ => new ConnectionFailedException("gateway connection lost");
    private static readonly Func<int, Exception?> Succeeds = _ => null;

    private static ActorsClient Client(ScriptedIngressGrain ingress, int retries = 4) => ActorsClient.FromClusterClient(
        FakeIngressClusterClient.For(ingress),
        new ActorsClientOptions
        {
            Retry = { MaxRetryAttempts = retries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        });

    [Fact]
    public async Task Publish_retries_transient_failures_with_the_same_envelope()
    {
        var ingress = new ScriptedIngressGrain(SiloDown, Timeout, ConnectionLost);
        var envelope = Envelopes.Payment(7);

        var receipt = await Client(ingress).Events.PublishAsync(envelope);

        var sent = ingress.Singles.ToArray();
        Assert.Equal(4, sent.Length);
        Assert.All(sent, e => Assert.Same(envelope, e));
        Assert.Equal(("acme", "c1", "payments", 7L, "critical"), (receipt.Tenant, receipt.Entity, receipt.Source, receipt.Seq, receipt.Lane));
        Assert.All(ingress.Keys, key => Assert.Equal(0L, key));
    }

    [Fact]
    public async Task A_large_batch_is_sent_in_order_in_calls_of_at_most_500()
    {
        var ingress = new ScriptedIngressGrain();
        var envelopes = Envelopes.Many(1201);

        var receipts = await Client(ingress).Events.PublishBatchAsync(envelopes);

        Assert.Equal([500, 500, 201], ingress.Batches.Select(b => b.Count));
        Assert.Equal(envelopes, ingress.Batches.SelectMany(b => b));
        Assert.Equal(envelopes.Select(e => e.Seq), receipts.Select(r => r.Seq));
        Assert.All(receipts, r => Assert.Equal("bulk", r.Lane));
    }

    [Fact]
    public async Task A_chunk_that_fails_transiently_is_resent_as_the_same_list()
    {
        var ingress = new ScriptedIngressGrain(Succeeds, SiloDown, Timeout);
        var envelopes = Envelopes.Many(700);

        var receipts = await Client(ingress).Events.PublishBatchAsync(envelopes);

        var calls = ingress.Batches.ToArray();
        Assert.Equal([500, 200, 200, 200], calls.Select(b => b.Count));
        Assert.Same(calls[1], calls[2]);
        Assert.Same(calls[1], calls[3]);
        Assert.Equal(700, receipts.Count);
        Assert.Equal(envelopes, ingress.Enqueued);
    }

    [Fact]
    public async Task One_invalid_envelope_anywhere_in_a_batch_sends_nothing()
    {
        var ingress = new ScriptedIngressGrain();
        var envelopes = Envelopes.Many(1000);
        envelopes[700] = envelopes[700] with { Payload = "[1, 2]" };

        var error = await Assert.ThrowsAsync<InvalidEventException>(() => Client(ingress).Events.PublishBatchAsync(envelopes));

        Assert.Equal("envelopes[700]: payload must be a JSON object (was an array).", error.Message);
        Assert.Equal(0, ingress.Calls);
    }

    [Theory]
    [InlineData("tenant", "tenant 'ac me' may only contain")]
    [InlineData("entity", "entity is required.")]
    [InlineData("source", "source is required.")]
    [InlineData("seq", "seq must be a positive integer (was 0).")]
    [InlineData("type", "type is required.")]
    [InlineData("occurredAt", "occurredAt is required.")]
    [InlineData("payload-text", "payload is not valid JSON (error at byte 1).")]
    [InlineData("payload-empty", "payload is required (a JSON object).")]
    public async Task Invalid_input_throws_before_any_call(string broken, string expectedMessage)
    {
        var ingress = new ScriptedIngressGrain();
        var valid = Envelopes.Usage(1);
        var envelope = broken switch
        {
            "tenant" => valid with { Tenant = "ac me" },
            "entity" => valid with { Entity = "" },
            "source" => valid with { Source = "" },
            "seq" => valid with { Seq = 0 },
            "type" => valid with { Type = " " },
            "occurredAt" => valid with { OccurredAt = default },
            "payload-text" => valid with { Payload = "quantity=1" },
            "payload-empty" => valid with { Payload = "" },
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        var error = await Assert.ThrowsAsync<InvalidEventException>(() => Client(ingress).Events.PublishAsync(envelope));

        Assert.StartsWith(expectedMessage, error.Message);
        Assert.Equal(0, ingress.Calls);
    }

    [Fact]
    public async Task The_clusters_rejection_is_final()
    {
        var ingress = new ScriptedIngressGrain(_ => new InvalidEventException("unknown event type 'UsageRecordd'"), SiloDown);

        await Assert.ThrowsAsync<InvalidEventException>(() => Client(ingress).Events.PublishBatchAsync(Envelopes.Many(3)));

        Assert.Equal(1, ingress.Calls);
    }

    [Fact]
    public async Task Exhausted_retries_surface_as_cluster_unavailable_with_the_last_cause()
    {
        var ingress = new ScriptedIngressGrain(SiloDown, SiloDown, SiloDown);

        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => Client(ingress, retries: 2).Events.PublishAsync(Envelopes.Usage(1)));

        Assert.Equal(3, ingress.Calls);
        Assert.IsType<SiloUnavailableException>(error.InnerException);
        Assert.Contains("3 attempt(s)", error.Message);
        Assert.Contains("publishing the same envelopes again is safe", error.Message);
    }

    [Fact]
    public async Task An_empty_batch_makes_no_call()
    {
        var ingress = new ScriptedIngressGrain();

        var receipts = await Client(ingress).Events.PublishBatchAsync(Array.Empty<EventEnvelope>());

        Assert.Empty(receipts);
        Assert.Equal(0, ingress.Calls);
    }
}
