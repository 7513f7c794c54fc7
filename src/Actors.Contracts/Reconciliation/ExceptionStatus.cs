namespace Actors.Contracts.Reconciliation;

/// <summary>
/// Where a reconciliation exception is in its workflow: <c>open -> acknowledged -> resolved | dismissed</c>
/// (an open one may be resolved or dismissed directly). Resolved and dismissed are final.
/// </summary>
public enum ExceptionStatus
{
    /// <summary>Found and not looked at yet.</summary>
    Open = 1,

    /// <summary>Someone has taken it.</summary>
    Acknowledged = 2,

    /// <summary>Corrected (with an adjustment when the mismatch has an amount).</summary>
    Resolved = 3,

    /// <summary>Judged not to need a correction.</summary>
    Dismissed = 4,
}
