namespace Actors.Cli.Commands;

/// <summary>The moves <c>actors reconcile ack|resolve|dismiss</c> make.</summary>
public enum ReconcileTransition
{
    /// <summary><c>ack</c>: open -> acknowledged.</summary>
    Acknowledge,

    /// <summary><c>resolve</c>: open | acknowledged -> resolved, posting the correction.</summary>
    Resolve,

    /// <summary><c>dismiss</c>: open | acknowledged -> dismissed.</summary>
    Dismiss,
}
