using Actors.IntegrationTests.Ledger;
using Xunit;

namespace Actors.IntegrationTests.Databases;

/// <summary>
/// The lifecycle every store contract suite shares: the store under test is opened before each test, a test may open more
/// instances over the same database, and every instance opened is disposed afterwards.
/// </summary>
/// <typeparam name="TStore">The store interface under test.</typeparam>
public abstract class StoreContractTests<TStore> : IAsyncLifetime
    where TStore : class
{
    private readonly List<TStore> _opened = [];

    /// <summary>The store under test, initialised.</summary>
    protected TStore Store { get; private set; } = null!;

    protected static CancellationToken Ct => TestTimeout.Token();

    /// <summary>A new store instance over this test's database (not initialised).</summary>
    protected abstract TStore CreateStore();

    /// <summary>Initialises <paramref name="store"/>; the store interfaces share no base type that declares it.</summary>
    protected abstract Task InitializeStoreAsync(TStore store, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="sql"/> on the database directly, past the store.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    public virtual async Task InitializeAsync() => Store = await OpenStoreAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened.OfType<IAsyncDisposable>())
        {
            await store.DisposeAsync();
        }
    }

    /// <summary>Another initialised store instance over this test's database, disposed with the test.</summary>
    protected async Task<TStore> OpenStoreAsync()
    {
        var store = CreateStore();
        _opened.Add(store);
        await InitializeStoreAsync(store, Ct);
        return store;
    }
}
