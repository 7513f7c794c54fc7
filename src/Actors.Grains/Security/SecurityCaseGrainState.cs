namespace Actors.Grains.Security;

/// <summary>
/// The case's persisted snapshot: the domain's <c>CaseStateSnapshot</c> as JSON. Only a shortcut for activation: the case
/// ledger is the truth and the rows after the snapshot's version are replayed.
/// </summary>
[GenerateSerializer, Alias("security.case-grain-state")]
public sealed class SecurityCaseGrainState : ISnapshotState
{
    [Id(0)] public string? SnapshotJson { get; set; }
}
