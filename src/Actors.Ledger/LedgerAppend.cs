namespace Actors.Ledger;

/// <summary>
/// A row to append. The owning grain assigns <c>Position</c> (it is the single writer of its ledger);
/// the store assigns the global position and the recorded time at commit.
/// </summary>
public sealed record LedgerAppend(
    string Ledger,
    string Tenant,
    long Position,
    string Source,
    long Seq,
    string Type,
    DateTimeOffset OccurredAt,
    string Payload);
