using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Domain.Billing;

namespace Actors.Domain.Tests.Billing;

public sealed class BillingValidationTests
{
    public static TheoryData<string, BillingEvent, string> InvalidEvents => new()
    {
        { "no source", SampleEvents.Usage() with { Source = "" }, "source is required." },
        { "long source", SampleEvents.Usage() with { Source = new string('s', 129) }, "source is longer than 128 characters." },
        { "source charset", SampleEvents.Usage() with { Source = "meter eu" }, "source 'meter eu' may only contain letters, digits and . _ : @ - (and must start with a letter or digit)." },
        { "seq 0", SampleEvents.Usage() with { Seq = 0 }, "seq must be 1 or greater (was 0)." },
        { "negative seq", SampleEvents.Credit() with { Seq = -4 }, "seq must be 1 or greater (was -4)." },
        { "no currency", SampleEvents.Payment() with { Currency = "" }, "currency is required." },
        { "lowercase currency", SampleEvents.Payment() with { Currency = "usd" }, "currency 'usd' must be a 3-letter uppercase ISO-4217 code such as USD." },
        { "short currency", SampleEvents.Payment() with { Currency = "US" }, "currency 'US' must be a 3-letter uppercase ISO-4217 code such as USD." },
        { "non-ascii currency", SampleEvents.Payment() with { Currency = "ÜSD" }, "currency 'ÜSD' must be a 3-letter uppercase ISO-4217 code such as USD." },
        { "no occurredAt", SampleEvents.Adjustment() with { OccurredAt = default }, "occurredAt is required." },
        { "no meter", SampleEvents.Usage() with { Meter = "" }, "meter is required." },
        { "meter charset", SampleEvents.Usage() with { Meter = "api/calls" }, "meter 'api/calls' may only contain letters, digits and . _ : @ - (and must start with a letter or digit)." },
        { "zero quantity", SampleEvents.Usage(quantity: 0), "usage quantity must be greater than 0 (was 0)." },
        { "negative price", SampleEvents.Usage(unitPrice: -1), "usage unitPriceMinor must not be negative (was -1)." },
        { "charge overflow", SampleEvents.Usage(quantity: long.MaxValue / 2, unitPrice: 3), $"usage charge {long.MaxValue / 2} × 3 does not fit in 64-bit minor units." },
        { "zero credit", SampleEvents.Credit(amount: 0), "credit amountMinor must be greater than 0 (was 0)." },
        { "negative payment", SampleEvents.Payment(amount: -5), "payment amountMinor must be greater than 0 (was -5)." },
        { "zero adjustment", SampleEvents.Adjustment(amount: 0), "adjustment amountMinor must not be 0." },
        { "unknown subtype", new UnsupportedBillingEvent { Source = "s", Seq = 1, OccurredAt = SampleEvents.At, Currency = "USD" }, "unknown billing event type 'UnsupportedBillingEvent'." },
    };

    [Theory]
    [MemberData(nameof(InvalidEvents))]
    public void Malformed_event_is_rejected_with_a_specific_message(string defect, BillingEvent e, string message)
    {
        var error = Assert.Throws<InvalidEventException>(() => BillingValidation.Validate(e));

        Assert.True(message == error.Message, $"{defect}: expected \"{message}\" but got \"{error.Message}\"");
    }

    [Fact]
    public void Missing_event_is_rejected()
    {
        var error = Assert.Throws<InvalidEventException>(() => BillingValidation.Validate(null));

        Assert.Equal("billing event is required.", error.Message);
    }

    public static TheoryData<BillingEvent> ValidEvents => new()
    {
        SampleEvents.Usage(),
        SampleEvents.Usage(unitPrice: null),
        SampleEvents.Usage(unitPrice: 0),
        SampleEvents.Usage(source: new string('s', 128), meter: "m:eu@1.2_x-y"),
        SampleEvents.Credit(),
        SampleEvents.Payment(),
        SampleEvents.Adjustment(amount: -1),
        SampleEvents.Adjustment(amount: 1),
    };

    [Theory]
    [MemberData(nameof(ValidEvents))]
    public void Well_formed_event_passes(BillingEvent e) => BillingValidation.Validate(e);
}
