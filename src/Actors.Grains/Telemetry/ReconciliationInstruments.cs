using System.Diagnostics.Metrics;
using Actors.Contracts.Reconciliation;

namespace Actors.Grains.Telemetry;

/// <summary>The reconciler's instruments on the <c>Actors</c> meter.</summary>
public static class ReconciliationInstruments
{
    private static readonly Meter Meter = new("Actors");
    private static IReadOnlyList<ExceptionCount> _lastCounts = [];

    /// <summary>Accounts with activity checked by runs.</summary>
    public static readonly Counter<long> AccountsChecked =
        Meter.CreateCounter<long>("actors.reconciliation.accounts_checked", description: "Accounts with activity in a window checked by a reconciliation run.");

    /// <summary>Mismatches found by runs, tagged by kind (a mismatch found again by a later run counts again).</summary>
    public static readonly Counter<long> Mismatches =
        Meter.CreateCounter<long>("actors.reconciliation.mismatches", description: "Mismatches found by reconciliation runs, by kind.");

    /// <summary>Wall-clock time of completed runs.</summary>
    public static readonly Histogram<double> RunDuration =
        Meter.CreateHistogram<double>("actors.reconciliation.run.duration", unit: "s", description: "Duration of completed reconciliation runs.");

    static ReconciliationInstruments()
    {
        // Observed from the last counts a reconciler read from its store: a scrape must not query the database.
        Meter.CreateObservableGauge("actors.reconciliation.open_exceptions", ObserveOpen,
            description: "Reconciliation exceptions not yet resolved or dismissed (open or acknowledged), by kind.");
    }

    /// <summary>Publishes the latest exception counts for the open-exceptions gauge.</summary>
    public static void PublishCounts(IReadOnlyList<ExceptionCount> counts) => Volatile.Write(ref _lastCounts, counts);

    private static IEnumerable<Measurement<long>> ObserveOpen() =>
        Volatile.Read(ref _lastCounts)
            .Where(c => c.Status is ExceptionStatus.Open or ExceptionStatus.Acknowledged)
            .GroupBy(c => c.Kind)
            .Select(g => new Measurement<long>(g.Sum(c => c.Count), new KeyValuePair<string, object?>("kind", g.Key.Name())));
}
