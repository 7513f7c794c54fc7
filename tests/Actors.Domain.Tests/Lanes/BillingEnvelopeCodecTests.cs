using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Domain.Billing;

namespace Actors.Domain.Tests.Lanes;

public sealed class BillingEnvelopeCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(1));

    private static EventEnvelope Usage(string payload, string type = "UsageRecorded") =>
        new("acme", "cust-1", "meter-7", 42, type, At, payload);

    [Fact]
    public void Envelope_key_fills_the_event_and_round_trips()
    {
        var e = BillingEnvelopeCodec.FromEnvelope(Usage("""{"meter":"api","quantity":3,"unitPriceMinor":5,"currency":"USD"}"""));

        var usage = Assert.IsType<UsageRecorded>(e);
        Assert.Equal(("meter-7", 42L, At), (usage.Source, usage.Seq, usage.OccurredAt));
        Assert.Equal(3, usage.Quantity);
        Assert.Equal(e, BillingEnvelopeCodec.FromEnvelope(BillingEnvelopeCodec.ToEnvelope("acme", "cust-1", e)));
    }

    [Theory]
    [InlineData("""{"meter":"api","quantity":3,"currency":"USD","seq":43}""", "seq 43 disagrees")]
    [InlineData("""{"meter":"api","quantity":3,"currency":"USD","source":"other"}""", "source \"other\" disagrees")]
    [InlineData("""{"meter":"api","quantity":-3,"currency":"USD"}""", "quantity")]
    [InlineData("""{"meter":"api","currency":"USD"}""", "not a valid UsageRecorded")]
    [InlineData("""[1,2]""", "must be a JSON object")]
    [InlineData("""{"meter":""", "not valid JSON")]
    public void Bad_payloads_get_specific_errors(string payload, string message)
    {
        var error = Assert.Throws<InvalidEventException>(() => BillingEnvelopeCodec.FromEnvelope(Usage(payload)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Non_billing_type_is_rejected()
    {
        var error = Assert.Throws<InvalidEventException>(() => BillingEnvelopeCodec.FromEnvelope(Usage("{}", type: "AlertRaised")));
        Assert.Contains("not a billing event type", error.Message);
    }
}
