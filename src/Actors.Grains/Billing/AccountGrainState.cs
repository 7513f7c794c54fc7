namespace Actors.Grains.Billing;

/// <summary>
/// The account's persisted snapshot: the domain's <c>AccountSnapshot</c> as JSON (state + dedup marks + ledger position).
/// It is only a shortcut for activation: the ledger is the truth and the tail after <c>Position</c> is replayed.
/// Kept as the domain's own JSON so the domain owns its snapshot format without depending on Orleans.
/// </summary>
[GenerateSerializer, Alias("billing.account-grain-state")]
public sealed class AccountGrainState : ISnapshotState
{
    [Id(0)] public string? SnapshotJson { get; set; }
}
