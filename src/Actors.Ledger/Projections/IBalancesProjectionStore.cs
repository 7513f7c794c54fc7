namespace Actors.Ledger.Projections;

/// <summary>
/// Where the <c>balances</c> projection keeps its read model (per version, a balances table and a usage table) and its
/// checkpoints (<c>projection_checkpoints</c>: name, version, global position, active, logic version).
/// </summary>
public interface IBalancesProjectionStore
{
    /// <summary>
    /// Creates the checkpoint table if it is missing, and adds the columns later builds need to a table an older build
    /// created. Safe to call on every start, from several silos at once.
    /// </summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates the tables and the checkpoint (at 0, recording <paramref name="logicVersion"/>) of <paramref name="version"/>
    /// if they are missing, and returns its checkpoint. The first version ever created becomes the active one. A version
    /// that exists keeps the logic version it was created with.
    /// </summary>
    Task<long> EnsureVersionAsync(int version, int logicVersion, CancellationToken cancellationToken);

    /// <summary>
    /// In ONE transaction: adds <paramref name="batch"/> to <paramref name="version"/>'s rows and moves its checkpoint from
    /// <paramref name="expectedCheckpoint"/> to <paramref name="newCheckpoint"/>.
    /// </summary>
    /// <exception cref="ProjectionCheckpointConflictException">
    /// when the checkpoint is no longer <paramref name="expectedCheckpoint"/> (another runner moved it); nothing is written.
    /// </exception>
    Task ApplyAsync(int version, long expectedCheckpoint, BalancesBatch batch, long newCheckpoint, CancellationToken cancellationToken);

    /// <summary>The checkpoint of <paramref name="version"/>, or null when that version does not exist.</summary>
    Task<long?> ReadCheckpointAsync(int version, CancellationToken cancellationToken);

    /// <summary>The version readers use, or null when no version exists yet.</summary>
    Task<int?> ReadActiveVersionAsync(CancellationToken cancellationToken);

    /// <summary>Every version of the projection, ascending.</summary>
    Task<IReadOnlyList<ProjectionVersion>> ReadVersionsAsync(CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="version"/> the only active version in one transaction.</summary>
    /// <exception cref="InvalidOperationException">when <paramref name="version"/> does not exist.</exception>
    Task ActivateAsync(int version, CancellationToken cancellationToken);

    /// <summary>
    /// The accounts of <paramref name="tenant"/> named in <paramref name="accounts"/> as <paramref name="version"/> holds them,
    /// keyed by account id, read in one snapshot with a fixed number of queries whatever the batch size. Accounts the
    /// version has no billing events for are missing from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<string, AccountProjection>> ReadAccountsAsync(
        int version, string tenant, IReadOnlyList<string> accounts, CancellationToken cancellationToken);

    /// <summary>Drops an inactive version's tables and checkpoint.</summary>
    /// <exception cref="InvalidOperationException">when <paramref name="version"/> is the active one.</exception>
    Task DropVersionAsync(int version, CancellationToken cancellationToken);
}
