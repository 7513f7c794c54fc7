using Actors.Contracts.Reconciliation;

namespace Actors.IntegrationTests.Reconciliation;

/// <summary>Mismatches and times for the reconciliation store tests.</summary>
internal static class SampleMismatches
{
    /// <summary>
    /// A time with 100 ns ticks and a +02:00 offset: more than timestamptz keeps, so both stores must answer it as
    /// <see cref="T0Stored"/>.
    /// </summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    /// <summary><see cref="T0"/> as stored: UTC, whole microseconds.</summary>
    public static readonly DateTimeOffset T0Stored = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

    /// <summary>A tenant of its own for one test: the PostgreSQL database is shared by a class's tests.</summary>
    public static string NewTenant() => $"t{Guid.NewGuid():N}";

    public static ReconciliationKey Key(
        string tenant, string account, MismatchKind kind = MismatchKind.MissingUsage, string window = "2026-11", string plan = "standard@1") =>
        new(tenant, account, window, plan, kind);

    /// <summary>
    /// A mismatch of <paramref name="key"/>: the ledger has <paramref name="expected"/> api calls, the invoice
    /// <paramref name="actual"/>; a second line (no usage window, a non-ASCII subject) agrees.
    /// </summary>
    public static Mismatch Of(ReconciliationKey key, long expected = 10, long actual = 7, string currency = "EUR") => new(
        key,
        [
            new MismatchLine("api-calls", key.Window, expected, actual, expected * 5, actual * 5, currency),
            new MismatchLine("größe \"gb\"", null, 1, 1, 200, 200, currency),
        ],
        (expected - actual) * 5,
        currency);
}
