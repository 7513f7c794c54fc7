namespace Actors.Hosting.Health;

/// <summary>What the <c>Actors</c> meter counted on this silo over the recent window.</summary>
/// <param name="EventsRecorded">Events appended to a ledger for the first time (<c>actors.events.recorded</c>).</param>
/// <param name="Duplicates">Re-deliveries answered with their original outcome (<c>actors.events.duplicates</c>).</param>
/// <param name="LedgerBatches">Ledger transactions committed (measurements of <c>actors.ledger.batch.size</c>).</param>
/// <param name="FailedLedgerBatches">Ledger transactions that failed (<c>actors.ledger.batch.failures</c>).</param>
/// <param name="AccountsChecked">Accounts checked by reconciliation (<c>actors.reconciliation.accounts_checked</c>).</param>
/// <param name="Mismatches">Mismatches those checks found (<c>actors.reconciliation.mismatches</c>).</param>
/// <param name="CriticalLatencySamples">Critical-lane deliveries timed (<c>actors.events.e2e_latency</c>, lane <c>critical</c>).</param>
/// <param name="CriticalLatencyP99">Their 99th percentile in milliseconds (upper bound of its histogram bucket, within 10%); 0 without samples.</param>
public sealed record MeterWindowReading(
    long EventsRecorded,
    long Duplicates,
    long LedgerBatches,
    long FailedLedgerBatches,
    long AccountsChecked,
    long Mismatches,
    long CriticalLatencySamples,
    double CriticalLatencyP99);
