using Actors.Contracts.Projections;

namespace Actors.Cli.Output;

/// <summary>One projection's status as <c>actors projections status --json</c> prints it.</summary>
/// <param name="Name">The projection.</param>
/// <param name="Version">The active version; null before the first one exists.</param>
/// <param name="LogicVersion">The logic version the active version was built with.</param>
/// <param name="OwnerLogicVersion">The logic version of the owner's code (a higher one rebuilds automatically).</param>
/// <param name="Checkpoint">The global ledger position the active version is applied up to.</param>
/// <param name="Head">The ledger head.</param>
/// <param name="Lag">Positions behind the head.</param>
/// <param name="RebuildInProgress">Whether a rebuild runs now.</param>
/// <param name="Rebuild">The latest rebuild of the current owner, if any.</param>
/// <param name="LastError">The last tailing failure, if the last pass failed.</param>
/// <param name="Note">What the owner decided when it started.</param>
/// <param name="Owner">The silo the owner runs on.</param>
public sealed record ProjectionStatusView(
    string Name,
    int? Version,
    int? LogicVersion,
    int OwnerLogicVersion,
    long Checkpoint,
    long Head,
    long Lag,
    bool RebuildInProgress,
    ProjectionRebuildView? Rebuild,
    string? LastError,
    string Note,
    string? Owner)
{
    /// <summary>The view of <paramref name="status"/>.</summary>
    public static ProjectionStatusView Of(ProjectionStatus status) => new(
        status.Name, status.Version, status.VersionLogic, status.LogicVersion, status.Checkpoint, status.Head, status.Lag,
        status.RebuildInProgress, status.Rebuild is null ? null : ProjectionRebuildView.Of(status.Rebuild), status.LastError, status.Note, status.Owner);
}
