namespace Actors.Ledger;

/// <summary>
/// Another writer appended at this ledger position: the in-memory state that chose the position is stale.
/// The grain must drop its state and reload from the ledger.
/// </summary>
public sealed class LedgerPositionConflictException(string ledger, long position)
    : Exception($"ledger '{ledger}' already has a different event at position {position}.")
{
    public string Ledger { get; } = ledger;
    public long Position { get; } = position;
}
