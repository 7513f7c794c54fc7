namespace Actors.Domain.Billing;

/// <summary>
/// The event is new: append it to the ledger at <see cref="Position"/> with these columns, then
/// <see cref="AccountState.Apply"/> it at that position.
/// </summary>
public sealed record AppendDecision(
    long Position,
    string Source,
    long Seq,
    string Type,
    DateTimeOffset OccurredAt,
    string Payload) : BillingDecision;
