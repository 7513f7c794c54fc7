namespace Actors.Contracts.Health;

/// <summary>The health indicators, by the name thresholds are configured under (<c>Actors:Health:Thresholds:&lt;name&gt;</c>).</summary>
public static class HealthIndicatorNames
{
    /// <summary>Failed ledger batches (group-commit transactions) over all ledger batches in the window, in percent; counted by this silo.</summary>
    public const string ErrorRate = "error-rate";

    /// <summary>p99 of enqueue-to-effect latency of the critical lane in the window, in milliseconds; deliveries on this silo.</summary>
    public const string CriticalLaneLatency = "critical-lane-latency";

    /// <summary>Age of the oldest unprocessed message on the critical lane, in seconds; cluster-wide.</summary>
    public const string CriticalLaneLag = "critical-lane-lag";

    /// <summary>Age of the oldest unprocessed message on the bulk lane, in seconds; cluster-wide.</summary>
    public const string BulkLaneLag = "bulk-lane-lag";

    /// <summary>Dead letters added to the lanes' DLQs in the window; cluster-wide.</summary>
    public const string DlqGrowth = "dlq-growth";

    /// <summary>Duplicates answered over all events recorded or answered in the window, in percent; counted by this silo.</summary>
    public const string DuplicateRate = "duplicate-rate";

    /// <summary>Ledger positions the furthest-behind projection is behind the ledger head; cluster-wide.</summary>
    public const string ProjectionLag = "projection-lag";

    /// <summary>Duration of the latest projection rebuild (elapsed so far while it runs), in seconds; cluster-wide.</summary>
    public const string ProjectionRebuildTime = "projection-rebuild-time";

    /// <summary>Reconciliation mismatches found over accounts checked in the window, in percent; counted by this silo.</summary>
    public const string ReconciliationMismatchRate = "reconciliation-mismatch-rate";

    /// <summary>Every indicator, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ErrorRate, CriticalLaneLatency, CriticalLaneLag, BulkLaneLag, DlqGrowth, DuplicateRate, ProjectionLag,
        ProjectionRebuildTime, ReconciliationMismatchRate,
    ];
}
