using Actors.Domain.Dedup;

namespace Actors.Domain.Billing;

/// <summary>
/// The key <c>(Source, Seq)</c> was seen (<see cref="Verdict"/> = Seen) or memory can't tell (Unknown): fetch the ledger
/// row with that key. When it exists, <see cref="AccountDecider.CheckDuplicate"/> says Duplicate or Conflict; when it
/// does not (only possible for Unknown), <see cref="AccountDecider.DecideAbsent"/> gives the append.
/// </summary>
public sealed record LookUpDecision(string Source, long Seq, DedupVerdict Verdict) : BillingDecision;
