using Actors.Ledger.Projections;

namespace Actors.Grains.Projections;

/// <summary>How the projections' owner grain works; bound from <c>Actors:Projections</c>.</summary>
public sealed class ProjectionOptions
{
    /// <summary>Time between two tailing passes of the active version (each pass catches up to the head it reads).</summary>
    public TimeSpan TailPeriod { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Ledger rows per transaction while tailing.</summary>
    public int BatchSize { get; set; } = ProjectionRunner.DefaultBatchSize;

    /// <summary>Ledger rows folded into one transaction while rebuilding (the unit a crashed rebuild resumes from).</summary>
    public int RebuildBatchSize { get; set; } = ProjectionRunner.DefaultRebuildBatchSize;

    /// <summary>Longest one tailing pass keeps catching up before it yields to status and rebuild requests.</summary>
    public TimeSpan TailBudget { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Period of the reminder that brings the owner back after its silo died (cluster profile). Orleans reminders fire at
    /// most once a minute, so this is at least one minute.
    /// </summary>
    public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws a clear <see cref="InvalidOperationException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        Require(TailPeriod > TimeSpan.Zero, $"Actors:Projections:TailPeriod must be positive (was {TailPeriod}).");
        Require(BatchSize > 0, $"Actors:Projections:BatchSize must be at least 1 (was {BatchSize}).");
        Require(RebuildBatchSize > 0, $"Actors:Projections:RebuildBatchSize must be at least 1 (was {RebuildBatchSize}).");
        Require(TailBudget > TimeSpan.Zero, $"Actors:Projections:TailBudget must be positive (was {TailBudget}).");
        Require(KeepAlivePeriod >= TimeSpan.FromMinutes(1), $"Actors:Projections:KeepAlivePeriod must be at least one minute, the reminders' minimum (was {KeepAlivePeriod}).");
    }

    /// <summary>The owner's batching settings.</summary>
    public ProjectionOwnerSettings ToOwnerSettings() => new(BatchSize, RebuildBatchSize, TailBudget);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
