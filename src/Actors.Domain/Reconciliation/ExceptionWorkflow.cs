using Actors.Contracts.Reconciliation;

namespace Actors.Domain.Reconciliation;

/// <summary>The exception workflow <c>open -> acknowledged -> resolved | dismissed</c>: which statuses each move starts from.</summary>
public static class ExceptionWorkflow
{
    private static readonly ExceptionStatus[] Unsettled = [ExceptionStatus.Open, ExceptionStatus.Acknowledged];

    /// <summary>The statuses from which <paramref name="to"/> may be reached.</summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="to"/> is <see cref="ExceptionStatus.Open"/>: nothing returns to open.</exception>
    public static IReadOnlyCollection<ExceptionStatus> AllowedFrom(ExceptionStatus to) => to switch
    {
        ExceptionStatus.Acknowledged => [ExceptionStatus.Open],
        ExceptionStatus.Resolved or ExceptionStatus.Dismissed => Unsettled,
        _ => throw new ArgumentOutOfRangeException(nameof(to), to, "an exception cannot be moved back to open"),
    };

    /// <summary>
    /// Whether an exception already in <paramref name="current"/> has made the move to <paramref name="to"/> (a repeat of the
    /// same command, e.g. a retried resolve), which answers success; any other disallowed move is an error.
    /// </summary>
    public static bool IsRepeat(ExceptionStatus current, ExceptionStatus to) => current == to;
}
