using System.Text.Json;
using Actors.Contracts.Billing;
using Actors.Domain.Billing;

namespace Actors.Domain.Tests.Billing;

public sealed class BillingEventCodecTests
{
    public static TheoryData<BillingEvent> Events => new()
    {
        SampleEvents.Usage(),
        SampleEvents.Usage(unitPrice: null),
        SampleEvents.Credit(),
        SampleEvents.Credit() with { Reason = null },
        SampleEvents.Payment(),
        SampleEvents.Adjustment(),
        SampleEvents.Adjustment() with { Reason = "<script>\"quoted\" é 🚀", OccurredAt = new DateTimeOffset(2024, 12, 31, 23, 59, 59, TimeSpan.FromHours(-8)).AddTicks(1) },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Round_trip_gives_an_equal_event_with_the_same_offset(BillingEvent e)
    {
        var payload = BillingEventCodec.Serialize(e);

        var back = BillingEventCodec.Deserialize(e.Type, payload);

        Assert.Equal(e, back);
        Assert.IsType(e.GetType(), back);
        // DateTimeOffset equality ignores the offset, so check it separately: the producer's local time is part of the fact.
        Assert.Equal(e.OccurredAt.Offset, back.OccurredAt.Offset);
        Assert.Equal(e.OccurredAt.Ticks, back.OccurredAt.Ticks);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Serialisation_is_deterministic(BillingEvent e)
    {
        var payload = BillingEventCodec.Serialize(e);

        Assert.Equal(payload, BillingEventCodec.Serialize(e with { }));
        Assert.Equal(payload, BillingEventCodec.Serialize(BillingEventCodec.Deserialize(e.Type, payload)));
    }

    [Fact]
    public void Payload_is_camel_case_json_without_the_type()
    {
        var payload = BillingEventCodec.Serialize(SampleEvents.Usage(source: "meter-eu", seq: 7, quantity: 3, unitPrice: 250));

        Assert.Equal(
            """{"meter":"api-calls","quantity":3,"unitPriceMinor":250,"source":"meter-eu","seq":7,"occurredAt":"2025-03-04T05:06:07+05:30","currency":"USD"}""",
            payload);
    }

    [Fact]
    public void Unknown_ledger_type_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BillingEventCodec.Deserialize("RefundIssued", "{}"));

        Assert.Contains("RefundIssued", error.Message);
    }

    [Fact]
    public void Null_payload_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => BillingEventCodec.Deserialize("CreditGranted", "null"));
    }

    [Fact]
    public void Payload_missing_a_required_field_is_refused()
    {
        Assert.Throws<JsonException>(() => BillingEventCodec.Deserialize("CreditGranted", """{"amountMinor":5,"seq":1,"occurredAt":"2025-03-04T05:06:07+05:30","currency":"USD"}"""));
    }

    [Fact]
    public void Unknown_subtype_cannot_be_serialised()
    {
        var e = new UnsupportedBillingEvent { Source = "s", Seq = 1, OccurredAt = SampleEvents.At, Currency = "USD" };

        Assert.Throws<InvalidOperationException>(() => BillingEventCodec.Serialize(e));
    }
}
