namespace Actors.Contracts.Projections;

/// <summary>Where a projection stands, as its owner sees it.</summary>
/// <param name="Name">The projection, e.g. <c>balances</c>.</param>
/// <param name="Version">The active version readers use; null before the first version exists.</param>
/// <param name="VersionLogic">The logic version the active version was built with.</param>
/// <param name="LogicVersion">The logic version of the owner's code; a lower <paramref name="VersionLogic"/> triggers a rebuild.</param>
/// <param name="Checkpoint">The global ledger position the active version is applied up to.</param>
/// <param name="Head">The ledger head (highest committed global position).</param>
/// <param name="Rebuild">The latest rebuild of this owner, running or finished; null when none ran since it started.</param>
/// <param name="LastError">The last tailing failure, when the last pass failed or another owner held the checkpoint.</param>
/// <param name="Note">What the owner decided at start (tailing, rebuilding, resuming, or why it does not tail).</param>
/// <param name="Owner">The silo the owner runs on.</param>
[GenerateSerializer, Immutable, Alias("projections.status")]
public sealed record ProjectionStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] int? Version,
    [property: Id(2)] int? VersionLogic,
    [property: Id(3)] int LogicVersion,
    [property: Id(4)] long Checkpoint,
    [property: Id(5)] long Head,
    [property: Id(6)] ProjectionRebuild? Rebuild,
    [property: Id(7)] string? LastError,
    [property: Id(8)] string Note,
    [property: Id(9)] string? Owner = null)
{
    /// <summary>Ledger positions the active version is behind the head (events behind, but for the ledger's position gaps).</summary>
    public long Lag => Math.Max(0, Head - Checkpoint);

    /// <summary>Whether a rebuild is running now.</summary>
    public bool RebuildInProgress => Rebuild?.State == ProjectionRebuildState.Running;
}
