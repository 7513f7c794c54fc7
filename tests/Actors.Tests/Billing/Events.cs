using Actors.Contracts.Billing;

namespace Actors.Tests.Billing;

/// <summary>Builders of billing events for tests.</summary>
internal static class Events
{
    public static readonly DateTimeOffset At = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static UsageRecorded Usage(string source, long seq, long quantity, long unitPrice = 10, string meter = "api-calls") => new()
    {
        Source = source,
        Seq = seq,
        OccurredAt = At.AddSeconds(seq),
        Currency = "USD",
        Meter = meter,
        Quantity = quantity,
        UnitPriceMinor = unitPrice,
    };

    public static PaymentReceived Payment(string source, long seq, long amount) => new()
    {
        Source = source,
        Seq = seq,
        OccurredAt = At.AddSeconds(seq),
        Currency = "USD",
        AmountMinor = amount,
        Reference = $"pay-{seq}",
    };
}
