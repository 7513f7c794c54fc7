using Actors.Ledger;

namespace Actors.IntegrationTests.Ledger;

/// <summary>Rows for ledger tests; every test works on ledgers of its own, so tests sharing a database never see each other's rows.</summary>
internal static class SampleAppends
{
    public static readonly DateTimeOffset OccurredAt = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public static string NewLedger(string kind = "account") => $"{kind}/t1/{Guid.NewGuid():N}";

    public static LedgerAppend Row(string ledger, long position, string source = "billing", long? seq = null, string? payload = null) =>
        new(ledger, "t1", position, source, seq ?? position, "charge", OccurredAt.AddSeconds(position),
            payload ?? $$"""{"amount":{{position * 100}},"currency":"EUR"}""");
}
