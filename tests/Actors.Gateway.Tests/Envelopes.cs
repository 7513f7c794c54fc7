using System.Text.Json;

namespace Actors.Gateway.Tests;

/// <summary>Wire-form envelopes (JSON text) for requests.</summary>
public static class Envelopes
{
    public const string At = "2030-01-01T12:00:00Z";

    public static string Payment(string tenant, string account, long seq, long amountMinor = 500) =>
        Envelope(tenant, account, "payments", seq, "PaymentReceived", $$"""{"amountMinor":{{amountMinor}},"currency":"USD"}""");

    public static string Usage(string tenant, string account, long seq, int quantity = 3) =>
        Envelope(tenant, account, "meter", seq, "UsageRecorded", $$"""{"meter":"api-calls","quantity":{{quantity}},"unitPriceMinor":2,"currency":"USD"}""");

    public static string Login(string tenant, string principal, long seq) =>
        Envelope(tenant, principal, "idp", seq, "LoginAttempt", """{"principal":"alice","host":"h1","success":false}""");

    public static string Envelope(string tenant, string entity, string source, long seq, string type, string payload) =>
        $$"""{"tenant":{{Quote(tenant)}},"entity":{{Quote(entity)}},"source":{{Quote(source)}},"seq":{{seq}},"type":{{Quote(type)}},"occurredAt":"{{At}}","payload":{{payload}}}""";

    public static string Batch(params string[] envelopes) => "[" + string.Join(",", envelopes) + "]";

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
