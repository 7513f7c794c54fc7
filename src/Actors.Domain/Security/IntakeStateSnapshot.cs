using Actors.Domain.Dedup;

namespace Actors.Domain.Security;

/// <summary>The persisted form of an <see cref="IntakeState"/>; plain data for System.Text.Json. Replay the ledger after <see cref="Version"/>.</summary>
public sealed record IntakeStateSnapshot
{
    /// <summary>Ledger rows the snapshot covers.</summary>
    public long Version { get; init; }

    /// <summary>The dedup marks.</summary>
    public DedupSnapshot Dedup { get; init; } = new();

    /// <summary>The latest case of each principal.</summary>
    public Dictionary<string, string> ByPrincipal { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The latest case of each host.</summary>
    public Dictionary<string, string> ByHost { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The cases the intake opened, oldest first.</summary>
    public List<string> Cases { get; init; } = [];

    /// <summary>Rows not confirmed by their case when the snapshot was taken, by ledger position.</summary>
    public Dictionary<long, IntakeEntry> Pending { get; init; } = [];
}
