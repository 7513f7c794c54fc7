namespace Actors.Cli.Chaos;

/// <summary>One SIGKILL of the run: which silo, when, and how long it took to be healthy again.</summary>
/// <param name="Silo">1-based silo number.</param>
/// <param name="At">Seconds into the load when it was killed.</param>
/// <param name="RestartSeconds">Seconds from the kill until its restart answered /healthz; null when it never came back.</param>
/// <param name="Error">Why it did not come back.</param>
public sealed record ChaosKill(int Silo, double At, double? RestartSeconds, string? Error)
{
    /// <summary>The silo came back healthy.</summary>
    public bool Survived => RestartSeconds is not null;
}
