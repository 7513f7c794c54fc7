namespace Actors.Ledger.Projections;

/// <summary>
/// Reads the active version of the <c>balances</c> projection: for dashboards and invoicing (one account) and for the
/// reconciler (hundreds of accounts per call). Thread-safe; share one per silo.
/// </summary>
public sealed class BalancesProjectionReader
{
    /// <summary>Most accounts one <see cref="ReadAccountsAsync"/> call accepts.</summary>
    public const int MaxAccountsPerRead = 10_000;

    private readonly IBalancesProjectionStore _store;

    /// <summary>A reader over <paramref name="store"/>.</summary>
    public BalancesProjectionReader(IBalancesProjectionStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The active version with its logic version and checkpoint, or null when no version exists yet.</summary>
    public async Task<ProjectionVersion?> ReadActiveAsync(CancellationToken cancellationToken)
    {
        var versions = await _store.ReadVersionsAsync(cancellationToken);
        return versions.FirstOrDefault(v => v.Active);
    }

    /// <summary>
    /// The named accounts of <paramref name="tenant"/> from the active version, with that version and its checkpoint. The
    /// checkpoint is read first and only moves forward, so every account reflects at least the ledger up to it (a batch
    /// committed in between may show too: compare an account's <see cref="AccountProjection.LastPosition"/> for exactness).
    /// </summary>
    /// <exception cref="InvalidOperationException">when no version of the projection exists yet.</exception>
    /// <exception cref="ArgumentOutOfRangeException">when more than <see cref="MaxAccountsPerRead"/> accounts are asked for.</exception>
    public async Task<ProjectionAccounts> ReadAccountsAsync(string tenant, IReadOnlyList<string> accounts, CancellationToken cancellationToken) =>
        await ReadAccountsIfBuiltAsync(tenant, accounts, cancellationToken)
            ?? throw new InvalidOperationException("the balances projection has no version yet: its owner builds the first one when a silo starts.");

    /// <summary>
    /// As <see cref="ReadAccountsAsync"/>, but null when no version of the projection exists yet (one read of the
    /// versions either way, for callers such as the reconciler that can work without the projection).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when more than <see cref="MaxAccountsPerRead"/> accounts are asked for.</exception>
    public async Task<ProjectionAccounts?> ReadAccountsIfBuiltAsync(string tenant, IReadOnlyList<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(accounts.Count, MaxAccountsPerRead);
        if (await ReadActiveAsync(cancellationToken) is not { } active)
        {
            return null;
        }
        var read = await _store.ReadAccountsAsync(active.Version, tenant, accounts, cancellationToken);
        return new ProjectionAccounts(active.Version, active.Checkpoint, read);
    }

    /// <summary>One account from the active version, or null when it has no billing events there.</summary>
    /// <exception cref="InvalidOperationException">when no version of the projection exists yet.</exception>
    public async Task<AccountProjection?> GetBalanceAsync(string tenant, string account, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        var read = await ReadAccountsAsync(tenant, [account], cancellationToken);
        return read.Accounts.GetValueOrDefault(account);
    }
}
