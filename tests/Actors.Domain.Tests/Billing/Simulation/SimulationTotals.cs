namespace Actors.Domain.Tests.Billing.Simulation;

/// <summary>How often each path ran across all seeds, so the test can prove the faults were actually exercised.</summary>
internal sealed class SimulationTotals
{
    public int Runs { get; set; }
    public int BoundedRuns { get; set; }
    public long Deliveries { get; set; }
    public long Appended { get; set; }
    public long Duplicates { get; set; }
    public long Conflicts { get; set; }
    public long Malformed { get; set; }
    public long LostReplies { get; set; }
    public long Crashes { get; set; }
    public long Activations { get; set; }
    public long StaleSnapshotActivations { get; set; }
    public long UnknownLookUps { get; set; }
    public long UnknownResolvedAsNew { get; set; }
    public long UnknownResolvedAsExisting { get; set; }

    public override string ToString() =>
        $"runs {Runs} (bounded {BoundedRuns}), deliveries {Deliveries}, appended {Appended}, duplicates {Duplicates}, conflicts {Conflicts}, " +
        $"malformed {Malformed}, lost replies {LostReplies}, crashes {Crashes}, activations {Activations} (stale snapshot {StaleSnapshotActivations}), " +
        $"unknown look-ups {UnknownLookUps} (new {UnknownResolvedAsNew}, existing {UnknownResolvedAsExisting})";
}
