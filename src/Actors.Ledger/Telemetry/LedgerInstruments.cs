using System.Diagnostics.Metrics;

namespace Actors.Ledger.Telemetry;

/// <summary>The ledger writer's instruments on the <c>Actors</c> meter.</summary>
public static class LedgerInstruments
{
    /// <summary>Name of the meter every Actors component reports on.</summary>
    public const string MeterName = "Actors";

    /// <summary>Name of <see cref="BatchSize"/>.</summary>
    public const string BatchSizeName = "actors.ledger.batch.size";

    /// <summary>Name of <see cref="CommitDuration"/>.</summary>
    public const string CommitDurationName = "actors.ledger.commit.duration";

    /// <summary>Name of <see cref="Appends"/>.</summary>
    public const string AppendsName = "actors.ledger.appends";

    /// <summary>Name of <see cref="Duplicates"/>.</summary>
    public const string DuplicatesName = "actors.ledger.duplicates";

    /// <summary>Name of <see cref="PositionConflicts"/>.</summary>
    public const string PositionConflictsName = "actors.ledger.position_conflicts";

    /// <summary>Name of <see cref="FailedBatches"/>.</summary>
    public const string FailedBatchesName = "actors.ledger.batch.failures";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Rows per committed transaction: how much group commit is saving.</summary>
    public static readonly Histogram<int> BatchSize =
        Meter.CreateHistogram<int>(BatchSizeName, unit: "{row}", description: "Rows written per ledger transaction by the group-commit writer.");

    /// <summary>Time of one batch in the store, insert to durable commit.</summary>
    public static readonly Histogram<double> CommitDuration =
        Meter.CreateHistogram<double>(CommitDurationName, unit: "ms", description: "Duration of one ledger batch transaction, including the durable commit.");

    /// <summary>Rows inserted into a ledger.</summary>
    public static readonly Counter<long> Appends =
        Meter.CreateCounter<long>(AppendsName, unit: "{row}", description: "Ledger rows inserted.");

    /// <summary>Rows the <c>(ledger, source, seq)</c> unique key turned away; each was answered with the original row.</summary>
    public static readonly Counter<long> Duplicates =
        Meter.CreateCounter<long>(DuplicatesName, unit: "{row}", description: "Ledger appends rejected by the idempotency key and answered with the original row.");

    /// <summary>Rows whose position was already taken: a grain's state was stale.</summary>
    public static readonly Counter<long> PositionConflicts =
        Meter.CreateCounter<long>(PositionConflictsName, unit: "{row}", description: "Ledger appends whose position was taken by another event.");

    /// <summary>Batches the store failed; none of their rows was acknowledged.</summary>
    public static readonly Counter<long> FailedBatches =
        Meter.CreateCounter<long>(FailedBatchesName, unit: "{batch}", description: "Ledger batches that failed in the store; their appends were failed, nothing acknowledged.");
}
