using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;
using Actors.Streaming.Lanes;
using Actors.Tests.Clusters;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Inventory;

/// <summary>Stock events published onto the critical lane reach the SKU-location's door, sharded or not, exactly once.</summary>
public sealed class StockLaneTests(ShardedStockFixture fixture) : IClassFixture<ShardedStockFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private IEventIngressGrain Ingress => fixture.Client.GetGrain<IEventIngressGrain>(0);

    private static string NewLocation() => "dc-" + Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [InlineData(ShardedStockFixture.HotSku, ShardedStockFixture.HotShards)]
    [InlineData("plain", 1)]
    public async Task Stock_events_on_the_critical_lane_take_effect_once_even_when_published_repeatedly(string sku, int shards)
    {
        var location = NewLocation();
        var now = DateTimeOffset.UtcNow;
        var envelopes = new List<EventEnvelope>
        {
            StockEnvelopeCodec.ToEnvelope("t1", sku, location, new StockReceived { Source = "wms", Seq = 1, OccurredAt = now, Quantity = 80 }),
            StockEnvelopeCodec.ToEnvelope("t1", sku, location, new StockAdjusted { Source = "wms", Seq = 2, OccurredAt = now, Delta = -5, Reason = "count" }),
            StockEnvelopeCodec.ToEnvelope("t1", sku, location, new DamageRecorded { Source = "wms", Seq = 3, OccurredAt = now, Quantity = 3 }),
        };

        var receipts = await Ingress.PublishBatch(envelopes);
        await Ingress.PublishBatch(envelopes);

        Assert.All(receipts, r => Assert.Equal(LaneNames.Critical, r.Lane));
        var stock = fixture.Client.GetGrain<IStockGrain>(StockKey.Format("t1", sku, location));
        var availability = await Eventually.Until(stock.GetAvailability,
            a => a.Total.Buckets.Damaged == 3 && a.Total.Buckets.InTransit == 0, Deadline, "the three stock events applied");
        Assert.Equal(shards, availability.Shards.Count);
        Assert.Equal(new StockBuckets(Available: 72, Reserved: 0, Committed: 0, Shipped: 0, Damaged: 3), availability.Total.Buckets);
        Assert.True((await stock.Record(new StockReceived { Source = "wms", Seq = 1, OccurredAt = now, Quantity = 80 })).Duplicate);
    }

    [Fact]
    public async Task A_stock_event_the_buckets_refuse_is_dead_lettered_with_its_reason_and_the_lane_keeps_flowing()
    {
        var location = NewLocation();
        var now = DateTimeOffset.UtcNow;
        var tooMuch = StockEnvelopeCodec.ToEnvelope("t1", "plain", location, new StockAdjusted { Source = "wms", Seq = 1, OccurredAt = now, Delta = -1 });
        var receipt = StockEnvelopeCodec.ToEnvelope("t1", "plain", location, new StockReceived { Source = "wms", Seq = 2, OccurredAt = now, Quantity = 4 });

        await Ingress.PublishBatch([tooMuch, receipt]);

        var stock = fixture.Client.GetGrain<IStockGrain>(StockKey.Format("t1", "plain", location));
        await Eventually.Until(stock.GetSnapshot, s => s.Buckets.Available == 4, Deadline, "the receipt after the refused adjustment");
        var deadLetters = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<ILaneDeadLetterQueue>()).First();
        var parked = await Eventually.Until(
            async () => (await deadLetters.ListAsync(LaneNames.Critical, 1000, CancellationToken.None)).Where(d => d.Envelope.Entity == tooMuch.Entity).ToList(),
            d => d.Count == 1, Deadline, "the refused adjustment in the critical DLQ");
        Assert.Contains("negative", parked[0].Reason);
    }

    [Fact]
    public async Task A_malformed_stock_envelope_is_refused_at_publish()
    {
        var good = StockEnvelopeCodec.ToEnvelope("t1", "plain", NewLocation(), new StockReceived { Source = "wms", Seq = 1, OccurredAt = DateTimeOffset.UtcNow, Quantity = 1 });

        var noLocation = await Assert.ThrowsAsync<InvalidEventException>(() => Ingress.Publish(good with { Entity = "plain" }));
        var badQuantity = await Assert.ThrowsAsync<InvalidEventException>(() => Ingress.Publish(good with { Payload = """{"quantity":0}""" }));

        Assert.Contains("sku@location", noLocation.Message);
        Assert.Contains("quantity", badQuantity.Message, StringComparison.OrdinalIgnoreCase);
    }
}
