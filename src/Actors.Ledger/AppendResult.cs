namespace Actors.Ledger;

/// <summary>What happened to one row of an append batch.</summary>
public enum AppendStatus
{
    /// <summary>The row was inserted; <see cref="AppendResult.Entry"/> is it, with its global position.</summary>
    Appended,

    /// <summary>
    /// <c>(ledger, source, seq)</c> already existed; nothing was inserted and <see cref="AppendResult.Entry"/> is the
    /// original row (the database's unique key is the last guard of deduplication).
    /// </summary>
    Duplicate,

    /// <summary>
    /// <c>(ledger, position)</c> is taken by another event: two writers believed they owned the ledger.
    /// Nothing was inserted; <see cref="AppendResult.Entry"/> is null.
    /// </summary>
    PositionConflict,
}

/// <summary>The outcome of appending one row.</summary>
public sealed record AppendResult(AppendStatus Status, LedgerEntry? Entry);
