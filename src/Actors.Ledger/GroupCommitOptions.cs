namespace Actors.Ledger;

/// <summary>How <see cref="GroupCommitLedgerWriter"/> groups appends into transactions.</summary>
public sealed record GroupCommitOptions
{
    /// <summary>Most rows in one transaction. A larger backlog is committed as several consecutive batches.</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>
    /// How long the writer waits after the first pending append before it commits, to let more appends join. Zero (the
    /// default) adds no latency: batching still happens naturally, because appends that arrive while one commit is in
    /// flight all go into the next.
    /// </summary>
    public TimeSpan Linger { get; init; } = TimeSpan.Zero;
}
