using Actors.Contracts.Events;

namespace Actors.IntegrationTests.Kafka;

/// <summary>Envelopes of the two billing types whose routes the probe consumes: usage (bulk) and payments (critical).</summary>
internal static class KafkaTestEvents
{
    public const string Usage = "UsageRecorded";
    public const string Payment = "PaymentReceived";

    public static EventEnvelope UsageRecorded(string tenant, string entity, long seq, int quantity = 1) =>
        new(tenant, entity, "meter-1", seq, Usage, DateTimeOffset.UtcNow, $"{{\"meter\":\"api-calls\",\"quantity\":{quantity}}}");

    public static EventEnvelope PaymentReceived(string tenant, string entity, long seq) =>
        new(tenant, entity, "psp-1", seq, Payment, DateTimeOffset.UtcNow, "{\"amountMinor\":500,\"currency\":\"EUR\"}");

    public static string NewTenant() => "t" + Guid.NewGuid().ToString("N")[..10];
}
