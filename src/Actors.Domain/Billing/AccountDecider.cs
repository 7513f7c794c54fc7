using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Domain.Dedup;

namespace Actors.Domain.Billing;

/// <summary>
/// Decides what recording a billing event on an account means, from the account's state alone. Pure: the grain
/// performs the ledger I/O the decision asks for.
/// </summary>
public static class AccountDecider
{
    /// <summary>
    /// Validates <paramref name="e"/> and decides: <see cref="AppendDecision"/> when its key is new, otherwise
    /// <see cref="LookUpDecision"/> so the original ledger row settles it.
    /// </summary>
    /// <exception cref="InvalidEventException">when the event is malformed or a new event would overflow the account's totals.</exception>
    public static BillingDecision Decide(AccountState state, BillingEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        BillingValidation.Validate(e);
        var verdict = state.Dedup.Check(e.Source, e.Seq);
        return verdict == DedupVerdict.New ? AppendAt(state, e) : new LookUpDecision(e.Source, e.Seq, verdict);
    }

    /// <summary>
    /// After a <see cref="LookUpDecision"/> found no ledger row for the key: the event is new after all, append it.
    /// </summary>
    /// <exception cref="InvalidOperationException">when memory says the key was seen: its ledger row must exist, so the lookup or the state is wrong.</exception>
    /// <exception cref="InvalidEventException">when the event is malformed or would overflow the account's totals.</exception>
    public static AppendDecision DecideAbsent(AccountState state, BillingEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        BillingValidation.Validate(e);
        if (state.Dedup.Check(e.Source, e.Seq) == DedupVerdict.Seen)
        {
            throw new InvalidOperationException($"({e.Source}, {e.Seq}) is marked as applied but the ledger has no row for it.");
        }
        return AppendAt(state, e);
    }

    /// <summary>
    /// Compares <paramref name="e"/> with the ledger row that holds its key: <see cref="DuplicateVerdict.Duplicate"/>
    /// when it is the same event (equal after decoding, so stored JSON formatting does not matter), else
    /// <see cref="DuplicateVerdict.Conflict"/>. <c>OccurredAt</c> is not compared: a client that stamps "now" on each
    /// attempt (a CLI re-run, a retry loop that rebuilds the event) is still sending the same event; what would make the
    /// retry a different charge is a different amount, meter, quantity, price or currency.
    /// </summary>
    public static DuplicateVerdict CheckDuplicate(string originalType, string originalPayload, BillingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var original = BillingEventCodec.Deserialize(originalType, originalPayload) with { OccurredAt = e.OccurredAt };
        return original.Equals(e) ? DuplicateVerdict.Duplicate : DuplicateVerdict.Conflict;
    }

    private static AppendDecision AppendAt(AccountState state, BillingEvent e)
    {
        state.EnsureApplicable(e);
        return new AppendDecision(state.Position + 1, e.Source, e.Seq, e.Type, e.OccurredAt, BillingEventCodec.Serialize(e));
    }
}
