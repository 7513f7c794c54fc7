using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Domain.Billing;
using Actors.Streaming.Lanes;
using Actors.Tests.Billing;
using Actors.Tests.Clusters;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Lanes;

/// <summary>Billing events published onto the lanes take effect on the account exactly once, with the dedup of direct calls.</summary>
public sealed class LaneConsumptionTests(LocalClusterFixture fixture) : IClassFixture<LocalClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private IEventIngressGrain Ingress => fixture.Client.GetGrain<IEventIngressGrain>(0);

    private static string NewAccount() => "lane-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Usage_on_bulk_and_payments_on_critical_take_effect_once_even_when_published_repeatedly()
    {
        var account = NewAccount();
        var usage = Enumerable.Range(1, 40).Select(seq => BillingEnvelopeCodec.ToEnvelope("t1", account, Events.Usage("meter", seq, quantity: seq, unitPrice: 2))).ToList();
        var payment = BillingEnvelopeCodec.ToEnvelope("t1", account, Events.Payment("bank", 1, amount: 100));

        var receipts = await Ingress.PublishBatch([.. usage, payment]);
        await Ingress.PublishBatch([.. usage.Take(10), payment]);

        Assert.Equal(40, receipts.Count(r => r.Lane == LaneNames.Bulk));
        Assert.Equal(LaneNames.Critical, receipts[^1].Lane);
        var expected = 2 * Enumerable.Range(1, 40).Sum() - 100;
        var balance = await Eventually.Until(
            () => fixture.Client.GetGrain<IAccountGrain>(EntityKey.Format("t1", account)).GetBalance(),
            b => b.EventCount == 41, Deadline, "41 events on the ledger");
        Assert.Equal(expected, balance.BalanceMinor["USD"]);

        // Repeats delivered after the first copies changed nothing; direct calls see the lane's events as duplicates.
        var again = await fixture.Client.GetGrain<IAccountGrain>(EntityKey.Format("t1", account)).Record(Events.Usage("meter", 7, quantity: 7, unitPrice: 2));
        Assert.True(again.Duplicate);
        Assert.Equal(41, (await fixture.Client.GetGrain<IAccountGrain>(EntityKey.Format("t1", account)).GetBalance()).EventCount);
    }

    [Fact]
    public async Task Invalid_envelopes_are_rejected_at_publish_and_nothing_of_the_batch_is_enqueued()
    {
        var account = NewAccount();
        var good = BillingEnvelopeCodec.ToEnvelope("t1", account, Events.Usage("meter", 1, quantity: 1));
        var bad = good with { Seq = 2, Payload = """{"meter":"m","quantity":0,"currency":"USD"}""" };
        var unknown = good with { Seq = 3, Type = "UsageRecord" };

        var batchError = await Assert.ThrowsAsync<InvalidEventException>(() => Ingress.PublishBatch([good, bad]));
        var typeError = await Assert.ThrowsAsync<InvalidEventException>(() => Ingress.Publish(unknown));

        Assert.Contains("envelope #2", batchError.Message);
        Assert.Contains("unknown event type", typeError.Message);
        // A later, valid publish proves the lane works; the earlier good envelope was not enqueued with the bad batch.
        await Ingress.Publish(BillingEnvelopeCodec.ToEnvelope("t1", account, Events.Usage("meter", 4, quantity: 1)));
        var balance = await Eventually.Until(
            () => fixture.Client.GetGrain<IAccountGrain>(EntityKey.Format("t1", account)).GetBalance(),
            b => b.EventCount >= 1, Deadline, "the valid event on the ledger");
        var ledger = await fixture.Client.GetGrain<IAccountGrain>(EntityKey.Format("t1", account)).GetLedger(1, 10);
        Assert.Equal([4L], ledger.Select(r => r.Seq));
        Assert.Equal(1, balance.EventCount);
    }

    [Fact]
    public async Task A_conflicting_event_on_a_lane_is_dead_lettered_with_its_reason_and_the_lane_keeps_flowing()
    {
        var account = NewAccount();
        var grain = fixture.Client.GetGrain<IAccountGrain>(EntityKey.Format("t1", account));
        await grain.Record(Events.Usage("meter", 1, quantity: 5));
        var conflicting = BillingEnvelopeCodec.ToEnvelope("t1", account, Events.Usage("meter", 1, quantity: 6));
        var next = BillingEnvelopeCodec.ToEnvelope("t1", account, Events.Usage("meter", 2, quantity: 1));

        await Ingress.PublishBatch([conflicting, next]);

        await Eventually.Until(() => grain.GetBalance(), b => b.EventCount == 2, Deadline, "the event after the conflict");
        var deadLetters = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<ILaneDeadLetterQueue>()).First();
        var parked = await Eventually.Until(
            async () => (await deadLetters.ListAsync(LaneNames.Bulk, 1000, CancellationToken.None)).Where(d => d.Envelope.Entity == account).ToList(),
            d => d.Count == 1, Deadline, "the conflicting event in the bulk DLQ");
        Assert.Contains("different payload", parked[0].Reason);
        Assert.Equal(5 * 10 + 1 * 10, (await grain.GetBalance()).BalanceMinor["USD"]);
    }
}
