using System.Collections.Concurrent;

namespace Actors.Tests.Fulfillment;

/// <summary>
/// Which stock a <see cref="StockTakingOfferReader"/> takes, armed per tenant by a test: after the k-th read of that
/// tenant's offers it takes every available unit of the SKU at the k-th listed location, as a rival checkout would between
/// the fulfillment grain's read and its reservation.
/// </summary>
internal sealed class StockTakeover
{
    private readonly ConcurrentDictionary<string, Queue<(string Sku, string Location)>> _armed = new(StringComparer.Ordinal);

    /// <summary>Takes <paramref name="sku"/> at each of <paramref name="locations"/>, one per read, for <paramref name="tenant"/>.</summary>
    public void Arm(string tenant, string sku, params string[] locations) =>
        _armed[tenant] = new Queue<(string, string)>(locations.Select(location => (sku, location)));

    /// <summary>The SKU-location to take after this read of <paramref name="tenant"/>'s offers, or null.</summary>
    public (string Sku, string Location)? Next(string tenant)
    {
        if (!_armed.TryGetValue(tenant, out var queue))
        {
            return null;
        }
        lock (queue)
        {
            return queue.TryDequeue(out var next) ? next : null;
        }
    }
}
