namespace Actors.Ledger;

/// <summary>A committed ledger row. Rows are never updated or deleted.</summary>
public sealed record LedgerEntry(
    long GlobalPosition,
    string Ledger,
    string Tenant,
    long Position,
    string Source,
    long Seq,
    string Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Payload);
