namespace Actors.Ledger.Projections;

/// <summary>
/// What a projection's owner does when it starts, decided from the versions in the store: which version to tail, and
/// which version to build (resuming an interrupted rebuild, or starting one because the logic changed or none exists).
/// </summary>
/// <param name="Live">The active version, to tail; null when there is none, or when newer logic built it.</param>
/// <param name="RebuildInto">The version to build in the background, or null when the active one is current.</param>
/// <param name="Reason">Why, in words for the status and the log.</param>
public sealed record ProjectionStartPlan(int? Live, int? RebuildInto, string Reason)
{
    /// <summary>The plan for <paramref name="versions"/> under <paramref name="logicVersion"/> (normally <see cref="BalanceEffect.LogicVersion"/>).</summary>
    public static ProjectionStartPlan For(IReadOnlyList<ProjectionVersion> versions, int logicVersion)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var active = versions.FirstOrDefault(v => v.Active);
        var newest = versions.Count == 0 ? 0 : versions.Max(v => v.Version);
        if (active is not null && active.LogicVersion > logicVersion)
        {
            // A newer build made it; this silo's fold would write the old shape into it. Leave it to a newer owner.
            return new ProjectionStartPlan(null, null,
                $"active version {active.Version} was built by logic version {active.LogicVersion}, newer than this silo's {logicVersion}: not tailing it");
        }
        // A version above the active one, of this logic, is a rebuild that was interrupted (a crash, a silo that left).
        var interrupted = versions
            .Where(v => !v.Active && v.Version > (active?.Version ?? 0) && v.LogicVersion == logicVersion)
            .MaxBy(v => v.Version);
        if (interrupted is not null)
        {
            return new ProjectionStartPlan(active?.Version, interrupted.Version,
                $"resuming the interrupted rebuild of version {interrupted.Version} from position {interrupted.Checkpoint}");
        }
        if (active is null)
        {
            return new ProjectionStartPlan(null, newest + 1, $"no active version: building version {newest + 1}");
        }
        if (active.LogicVersion < logicVersion)
        {
            return new ProjectionStartPlan(active.Version, newest + 1,
                $"active version {active.Version} was built by logic version {active.LogicVersion}: rebuilding into version {newest + 1} with logic version {logicVersion}");
        }
        return new ProjectionStartPlan(active.Version, null, $"tailing active version {active.Version}");
    }
}
