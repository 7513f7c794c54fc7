namespace Actors.Ledger;

/// <summary>
/// Appends single rows on behalf of grains; implementations group many callers' rows into one transaction
/// (group commit). The task completes only after the row's transaction committed.
/// </summary>
public interface ILedgerWriter
{
    /// <summary>
    /// Appends <paramref name="entry"/>. Returns <see cref="AppendStatus.Appended"/> or <see cref="AppendStatus.Duplicate"/>;
    /// throws <see cref="LedgerPositionConflictException"/> when the position was taken by another event.
    /// </summary>
    Task<AppendResult> AppendAsync(LedgerAppend entry, CancellationToken cancellationToken);
}
