namespace Actors.Contracts.Security;

/// <summary>
/// Where a security case stands. The lifecycle is <c>Open -> Triaged -> Contained -> Resolved -> Closed</c>; a resolved or
/// closed case can be reopened (a transition back to <see cref="Open"/>, recorded as "reopened").
/// </summary>
public enum CaseStatus
{
    /// <summary>New or reopened: alerts for its principal or host are correlated into it.</summary>
    Open,

    /// <summary>An analyst looked at it and judged it real.</summary>
    Triaged,

    /// <summary>The threat is contained (principal disabled, host isolated, ...).</summary>
    Contained,

    /// <summary>Remediated; new alerts for the same principal or host open a new case.</summary>
    Resolved,

    /// <summary>Done and reviewed.</summary>
    Closed,
}
