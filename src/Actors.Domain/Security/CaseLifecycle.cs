using Actors.Contracts.Security;

namespace Actors.Domain.Security;

/// <summary>
/// The moves a case may make: <c>Open -> Triaged -> Contained -> Resolved -> Closed</c>, and back to Open (reopened) from
/// Resolved or Closed. Anything else is refused with a message naming the move and what is allowed instead.
/// </summary>
public static class CaseLifecycle
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.Open] = [CaseStatus.Triaged],
        [CaseStatus.Triaged] = [CaseStatus.Contained],
        [CaseStatus.Contained] = [CaseStatus.Resolved],
        [CaseStatus.Resolved] = [CaseStatus.Closed, CaseStatus.Open],
        [CaseStatus.Closed] = [CaseStatus.Open],
    };

    /// <summary>The statuses a case in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<CaseStatus> Next(CaseStatus from) => Allowed[from];

    /// <summary>Whether a case in <paramref name="status"/> collects new alerts (it is neither resolved nor closed).</summary>
    public static bool IsActive(CaseStatus status) => status is CaseStatus.Open or CaseStatus.Triaged or CaseStatus.Contained;

    /// <summary>Why <paramref name="from"/> -> <paramref name="to"/> is refused, or null when it is allowed.</summary>
    public static string? Problem(CaseStatus from, CaseStatus to)
    {
        var next = Allowed[from];
        if (next.Contains(to))
        {
            return null;
        }
        var allowed = string.Join(" or ", next.Select(Name));
        return from == to
            ? $"the case is already {Name(from)}; from {Name(from)} it can only be {allowed}."
            : $"a case cannot go from {Name(from)} to {Name(to)}; from {Name(from)} it can only be {allowed}.";
    }

    /// <summary>The ledger type of the move <paramref name="from"/> -> <paramref name="to"/>: <c>CaseReopened</c> back to Open, else <c>Case{To}</c>.</summary>
    public static string LedgerType(CaseStatus from, CaseStatus to) =>
        to == CaseStatus.Open && from != CaseStatus.Open ? "CaseReopened" : $"Case{to}";

    /// <summary>The lower-case name of a status, as the CLI and messages show it (a move back to Open reads "reopened").</summary>
    public static string Name(CaseStatus status) => status.ToString().ToLowerInvariant();
}
