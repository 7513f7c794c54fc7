namespace Actors.Domain.Security;

/// <summary>
/// A security decider's answer: the verdict, the change to append (for <see cref="SecurityVerdict.Append"/>), the
/// original ledger change a duplicate repeats, and the reason of a refusal.
/// </summary>
public sealed record SecurityDecision<TChange>(SecurityVerdict Verdict, TChange? Change = null, TChange? Original = null, string? Problem = null)
    where TChange : class
{
    /// <summary>Append <paramref name="change"/>.</summary>
    public static SecurityDecision<TChange> Append(TChange change) => new(SecurityVerdict.Append, Change: change);

    /// <summary>A repeat of <paramref name="original"/>.</summary>
    public static SecurityDecision<TChange> Duplicate(TChange original) => new(SecurityVerdict.Duplicate, Original: original);

    /// <summary>Refused with <paramref name="verdict"/> because of <paramref name="problem"/>.</summary>
    public static SecurityDecision<TChange> Refused(SecurityVerdict verdict, string? problem = null) => new(verdict, Problem: problem);
}
