using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;

namespace Actors.Domain.Tests.Inventory;

public sealed class StockEnvelopeCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<StockEvent> Events() =>
    [
        new StockReceived { Source = "wms", Seq = 1, OccurredAt = At, Quantity = 12 },
        new StockAdjusted { Source = "count", Seq = 2, OccurredAt = At, Delta = -3, Reason = "cycle count" },
        new ShipmentDispatched { Source = "ship", Seq = 3, OccurredAt = At, ReservationId = "order-7" },
        new ReturnReceived { Source = "rma", Seq = 4, OccurredAt = At, Quantity = 1, Damaged = true },
        new DamageRecorded { Source = "qa", Seq = 5, OccurredAt = At, Quantity = 2, FromBucket = StockBucket.Shipped },
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_stock_event_survives_the_trip_through_an_envelope(StockEvent stockEvent)
    {
        var envelope = StockEnvelopeCodec.ToEnvelope("acme", "sku-1", "dc-east", stockEvent);
        var (key, decoded) = StockEnvelopeCodec.FromEnvelope(envelope);

        Assert.Equal("sku-1@dc-east", envelope.Entity);
        Assert.Equal(stockEvent.Type, envelope.Type);
        Assert.Equal("acme/sku-1@dc-east", key);
        Assert.Equal(stockEvent, decoded);
    }

    [Fact]
    public void The_envelope_key_wins_and_a_payload_that_disagrees_with_it_is_refused()
    {
        var envelope = StockEnvelopeCodec.ToEnvelope("acme", "sku-1", "dc-east", new StockReceived { Source = "wms", Seq = 1, OccurredAt = At, Quantity = 5 });

        var keyless = StockEnvelopeCodec.FromEnvelope(envelope with { Payload = """{"quantity":5}""" }).Event;
        var disagreeing = Assert.Throws<InvalidEventException>(() => StockEnvelopeCodec.FromEnvelope(envelope with { Payload = """{"quantity":5,"seq":2}""" }));

        Assert.Equal(("wms", 1L, At), (keyless.Source, keyless.Seq, keyless.OccurredAt));
        Assert.Contains("disagrees with the envelope", disagreeing.Message);
    }

    [Theory]
    [InlineData("StockReceived", "sku-1", """{"quantity":-1}""", "positive")]
    [InlineData("StockReceived", "sku-1", """{"quantity":"many"}""", "not a valid StockReceived")]
    [InlineData("StockReceived", "sku-1", "[1]", "JSON object")]
    [InlineData("StockReserved", "sku-1@dc", """{"quantity":1}""", "not a stock event type")]
    [InlineData("StockReceived", "no-location", """{"quantity":1}""", "sku@location")]
    public void A_malformed_envelope_is_refused_with_the_reason(string type, string entity, string payload, string reason)
    {
        var envelope = new Contracts.Events.EventEnvelope("acme", entity == "sku-1" ? "sku-1@dc" : entity, "wms", 1, type, At, payload);

        var error = Assert.Throws<InvalidEventException>(() => StockEnvelopeCodec.FromEnvelope(envelope));

        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
