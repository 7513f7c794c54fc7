using Actors.IntegrationTests.OrleansSchema;
using Xunit;

namespace Actors.IntegrationTests.Databases;

/// <summary>
/// Several silos initialising a PostgreSQL store on the same fresh database at once, as a new cluster does: the schema
/// script's advisory lock must make them create it one after another, so each object exists once and none fails.
/// </summary>
internal static class SilosStartingTogether
{
    private const int Silos = 4;

    /// <summary>
    /// Initialises <see cref="Silos"/> stores made by <paramref name="create"/> concurrently on a fresh database, asserts that
    /// <paramref name="guardedTable"/> has its two guard triggers (not a second pair), then lets <paramref name="useTogether"/>
    /// check the stores share the schema. Every store and the database are disposed afterwards.
    /// </summary>
    public static async Task CreateTheSchemaOnceAsync<TStore>(
        Func<string, TStore> create,
        Func<TStore, CancellationToken, Task> initialize,
        string guardedTable,
        Func<IReadOnlyList<TStore>, Task> useTogether,
        CancellationToken cancellationToken)
        where TStore : IAsyncDisposable
    {
        await using var fresh = await FreshPostgresDatabase.CreateAsync(cancellationToken);
        var stores = Enumerable.Range(0, Silos).Select(_ => create(fresh.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(store => initialize(store, cancellationToken)));

            Assert.Equal(2L, await fresh.ScalarAsync(
                $"SELECT count(*) FROM pg_trigger WHERE tgrelid = '{guardedTable}'::regclass AND NOT tgisinternal", cancellationToken));
            await useTogether(stores);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
