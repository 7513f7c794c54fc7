using System.Diagnostics.Metrics;
using Actors.Contracts.Errors;
using Actors.Ledger.Telemetry;

namespace Actors.Hosting.Faults;

/// <summary>
/// Grain calls that failed on the database, by kind, on the <c>Actors</c> meter: the signal an operator alerts on when the
/// database restarts (<c>unavailable</c>) or refuses writes (<c>refused</c>: read-only, full), counted where the silo
/// turns the provider's exception into the caller's typed error.
/// </summary>
public static class StoreFailureInstruments
{
    /// <summary>Name of the counter, tagged <see cref="KindTag"/>.</summary>
    public const string FailuresName = "actors.store.failures";

    /// <summary>Tag: <c>unavailable</c> or <c>refused</c>.</summary>
    public const string KindTag = "kind";

    private static readonly Meter Meter = new(LedgerInstruments.MeterName);

    private static readonly Counter<long> Failures =
        Meter.CreateCounter<long>(FailuresName, unit: "{call}", description: "Grain calls failed on the database, by kind (unavailable, refused).");

    /// <summary>Counts one call that failed with <paramref name="failure"/>.</summary>
    public static void Failed(ActorsException failure) =>
        Failures.Add(1, new KeyValuePair<string, object?>(KindTag, failure is StoreRefusedException ? "refused" : "unavailable"));
}
