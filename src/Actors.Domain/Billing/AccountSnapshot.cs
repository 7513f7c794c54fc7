using Actors.Domain.Dedup;

namespace Actors.Domain.Billing;

/// <summary>
/// The persisted form of an <see cref="AccountState"/>: everything derived from the ledger up to <see cref="Position"/>,
/// so activation replays only the rows after it. Plain data for System.Text.Json.
/// </summary>
public sealed record AccountSnapshot
{
    /// <summary>The layout version written by this code.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Layout version; a reader refuses versions it does not know rather than misread them.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The last ledger position folded into this snapshot; 0 for an empty ledger.</summary>
    public long Position { get; init; }

    /// <summary>How many ledger events were folded in.</summary>
    public long EventCount { get; init; }

    /// <summary>Amount owed per currency, in minor units.</summary>
    public Dictionary<string, long> BalanceMinor { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Recorded units per meter.</summary>
    public Dictionary<string, long> UsageByMeter { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The dedup marks of every event folded in.</summary>
    public DedupSnapshot Dedup { get; init; } = new();
}
