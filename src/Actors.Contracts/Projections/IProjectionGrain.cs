namespace Actors.Contracts.Projections;

/// <summary>
/// The one owner of a projection in the cluster, keyed by projection name (see <see cref="ProjectionNames"/>). It tails
/// the ledger into the active version on a short timer, rebuilds into a new version in the background on request or when
/// the projection logic changed, and switches readers atomically when a rebuild has caught up.
/// </summary>
[Alias("projections.projection")]
public interface IProjectionGrain : IGrainWithStringKey
{
    /// <summary>Activates the owner (silo start-up and the keep-alive reminder call it) and returns its status.</summary>
    [Alias("start")]
    Task<ProjectionStatus> Start();

    /// <summary>The projection's version, checkpoint, ledger head, lag and latest rebuild, read fresh.</summary>
    [Alias("status")]
    Task<ProjectionStatus> GetStatus();

    /// <summary>
    /// Starts replaying the whole ledger into a new version in the background and returns at once; the live version keeps
    /// being tailed meanwhile. When a rebuild is already running, returns its status instead of starting another.
    /// </summary>
    [Alias("rebuild")]
    Task<ProjectionStatus> StartRebuild();
}
