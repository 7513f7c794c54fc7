using Actors.Contracts.Billing;

namespace Actors.Domain.Tests.Billing;

/// <summary>Valid events for tests to vary with <c>with { ... }</c>.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset At = new(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(5.5));

    public static UsageRecorded Usage(string source = "meter-eu", long seq = 1, long quantity = 3, long? unitPrice = 250, string currency = "USD", string meter = "api-calls") => new()
    {
        Source = source,
        Seq = seq,
        OccurredAt = At,
        Currency = currency,
        Meter = meter,
        Quantity = quantity,
        UnitPriceMinor = unitPrice,
    };

    public static CreditGranted Credit(string source = "support", long seq = 1, long amount = 100, string currency = "USD") => new()
    {
        Source = source,
        Seq = seq,
        OccurredAt = At,
        Currency = currency,
        AmountMinor = amount,
        Reason = "goodwill",
    };

    public static PaymentReceived Payment(string source = "psp", long seq = 1, long amount = 200, string currency = "USD") => new()
    {
        Source = source,
        Seq = seq,
        OccurredAt = At,
        Currency = currency,
        AmountMinor = amount,
        Reference = "pi_123",
    };

    public static AdjustmentPosted Adjustment(string source = "reconciler", long seq = 1, long amount = -50, string currency = "USD") => new()
    {
        Source = source,
        Seq = seq,
        OccurredAt = At,
        Currency = currency,
        AmountMinor = amount,
        Reason = "invoice 42 mismatch",
    };
}
