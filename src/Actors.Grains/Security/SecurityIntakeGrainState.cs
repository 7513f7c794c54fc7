namespace Actors.Grains.Security;

/// <summary>
/// The intake's persisted snapshot: the domain's <c>IntakeStateSnapshot</c> as JSON. Only a shortcut for activation: the
/// intake ledger is the truth and the rows after the snapshot's version are replayed.
/// </summary>
[GenerateSerializer, Alias("security.intake-grain-state")]
public sealed class SecurityIntakeGrainState : ISnapshotState
{
    [Id(0)] public string? SnapshotJson { get; set; }
}
