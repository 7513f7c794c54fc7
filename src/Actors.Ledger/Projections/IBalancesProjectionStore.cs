namespace Actors.Ledger.Projections;

/// <summary>
/// Where the <c>balances</c> projection keeps its read model (one table per version) and its checkpoints
/// (<c>projection_checkpoints</c>: name, version, global position, active).
/// </summary>
public interface IBalancesProjectionStore
{
    /// <summary>Creates the checkpoint table if it is missing. Safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates the read model table and the checkpoint (at 0) of <paramref name="version"/> if they are missing, and
    /// returns its checkpoint. The first version ever created becomes the active one.
    /// </summary>
    Task<long> EnsureVersionAsync(int version, CancellationToken cancellationToken);

    /// <summary>
    /// In ONE transaction: adds <paramref name="deltas"/> to <paramref name="version"/>'s rows and moves its checkpoint
    /// from <paramref name="expectedCheckpoint"/> to <paramref name="newCheckpoint"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// when the checkpoint is no longer <paramref name="expectedCheckpoint"/> (another runner moved it); nothing is written.
    /// </exception>
    Task ApplyAsync(int version, long expectedCheckpoint, IReadOnlyList<BalanceDelta> deltas, long newCheckpoint, CancellationToken cancellationToken);

    /// <summary>The checkpoint of <paramref name="version"/>, or null when that version does not exist.</summary>
    Task<long?> ReadCheckpointAsync(int version, CancellationToken cancellationToken);

    /// <summary>The version readers use, or null when no version exists yet.</summary>
    Task<int?> ReadActiveVersionAsync(CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="version"/> the only active version in one transaction.</summary>
    /// <exception cref="InvalidOperationException">when <paramref name="version"/> does not exist.</exception>
    Task ActivateAsync(int version, CancellationToken cancellationToken);

    /// <summary>The balances of one account in <paramref name="version"/>, or null when it has none.</summary>
    Task<AccountBalanceRow?> ReadBalanceAsync(int version, string tenant, string account, CancellationToken cancellationToken);

    /// <summary>Drops an inactive version's table and checkpoint.</summary>
    /// <exception cref="InvalidOperationException">when <paramref name="version"/> is the active one.</exception>
    Task DropVersionAsync(int version, CancellationToken cancellationToken);
}
