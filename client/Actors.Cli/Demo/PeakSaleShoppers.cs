using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.Client;
using Actors.Client.Inventory;
using Actors.Contracts.Errors;

namespace Actors.Cli.Demo;

/// <summary>
/// The shoppers of a peak sale: each checkout is one SDK reservation of one unit under its own id, many in flight at once,
/// all racing for the same SKU-location.
/// </summary>
public sealed class PeakSaleShoppers(InventoryClient inventory)
{
    /// <summary>
    /// Runs every checkout with at most <see cref="PeakSaleSettings.Concurrency"/> in flight. A refusal for lack of stock is
    /// the expected end of the sale and is counted as rejected; any other error is counted as failed and the sale goes on;
    /// an unreachable cluster stops it.
    /// </summary>
    /// <exception cref="ClusterUnavailableException">when the cluster stops answering.</exception>
    public async Task<PeakSaleTally> CheckOutAsync(PeakSaleSettings settings, Action onCheckedOut, CancellationToken cancellationToken)
    {
        long acknowledged = 0, rejected = 0, failed = 0, duplicates = 0;
        string? firstFailure = null;
        var latencies = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Shoppers), parallel, async (shopper, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var outcome = await inventory.ReserveAsync(
                    settings.Tenant, settings.Sku, settings.Location, settings.ReservationId(shopper), 1, settings.Ttl, token);
                Interlocked.Increment(ref acknowledged);
                if (outcome.Duplicate)
                {
                    Interlocked.Increment(ref duplicates);
                }
            }
            catch (InsufficientStockException)
            {
                Interlocked.Increment(ref rejected);
            }
            catch (Exception failure) when (failure is not (ClusterUnavailableException or OperationCanceledException))
            {
                // Counted and reported (and it fails the run): one broken checkout must not hide what the rest show.
                Interlocked.Increment(ref failed);
                Interlocked.CompareExchange(ref firstFailure, $"{failure.GetType().Name}: {failure.Message}", null);
            }
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            onCheckedOut();
        });
        return new PeakSaleTally(acknowledged, rejected, failed, duplicates, latencies.ToArray(), firstFailure, watch.Elapsed);
    }
}
