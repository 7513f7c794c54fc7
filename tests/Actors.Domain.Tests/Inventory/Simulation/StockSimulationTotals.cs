namespace Actors.Domain.Tests.Inventory.Simulation;

/// <summary>What the simulation exercised, summed over seeds, so a run that missed a fault path fails.</summary>
internal sealed class StockSimulationTotals
{
    public long Steps { get; set; }
    public long Accepted { get; set; }
    public long Duplicates { get; set; }
    public long Conflicts { get; set; }
    public long Insufficient { get; set; }
    public long Invalid { get; set; }
    public long Expired { get; set; }
    public long Confirmed { get; set; }
    public long Released { get; set; }
    public long Crashes { get; set; }
    public long CrashesAfterAppend { get; set; }
    public long LookUps { get; set; }
    public long OutOfOrder { get; set; }
    public long SnapshotRestores { get; set; }

    public override string ToString() =>
        $"steps {Steps}, accepted {Accepted}, duplicates {Duplicates}, conflicts {Conflicts}, insufficient {Insufficient}, " +
        $"invalid {Invalid}, expired {Expired}, confirmed {Confirmed}, released {Released}, crashes {Crashes}, " +
        $"crashes after append {CrashesAfterAppend}, ledger look-ups {LookUps}, out-of-order events {OutOfOrder}, " +
        $"restores from a snapshot {SnapshotRestores}";
}
