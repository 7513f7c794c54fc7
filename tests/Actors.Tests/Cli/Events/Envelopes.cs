using Actors.Contracts.Events;

namespace Actors.Tests.Cli.Events;

/// <summary>Builders of valid envelopes for tests.</summary>
internal static class Envelopes
{
    public static readonly DateTimeOffset At = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static EventEnvelope Usage(long seq, string entity = "c1", string source = "meter") =>
        new("acme", entity, source, seq, "UsageRecorded", At.AddSeconds(seq),
            $$"""{"meter":"api-calls","quantity":{{seq}},"unitPriceMinor":2,"currency":"USD"}""");

    public static EventEnvelope Payment(long seq, string entity = "c1") =>
        new("acme", entity, "payments", seq, "PaymentReceived", At.AddSeconds(seq), """{"amountMinor":500,"currency":"USD"}""");

    /// <summary><paramref name="count"/> usage envelopes with seq 1..count.</summary>
    public static List<EventEnvelope> Many(int count) => Enumerable.Range(1, count).Select(i => Usage(i)).ToList();
}
