using System.Diagnostics;
using Actors.Fulfillment;
using Actors.Grains.Fulfillment;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Hosting;

/// <summary>
/// Solves one tiny order before the silo takes traffic. The first CP-SAT solve in a process loads the native library and
/// JIT-compiles the model-building path (about 250 ms measured), which would otherwise land on the first real order and
/// blow its 50 ms decision budget.
/// </summary>
internal sealed class FulfillmentWarmUp(ConfiguredFulfillmentNetwork configured, ILogger<FulfillmentWarmUp> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Enough for the cold native load; the warm solve itself takes a millisecond.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(FulfillmentWarmUp), ServiceLifecycleStage.ApplicationServices, WarmUpAsync);

    private Task WarmUpAsync(CancellationToken cancellationToken) => Task.Run(() =>
    {
        var clock = Stopwatch.StartNew();
        var lane = new ShippingLane("warm-up", CostPerUnit: 1, TransitDays: 1);
        var network = new FulfillmentNetwork(
            [new FulfillmentLocation("a", LocationKind.Warehouse, [lane], 10), new FulfillmentLocation("b", LocationKind.Store, [lane with { CostPerUnit = 2 }], 10)],
            new FulfillmentWeights(LatenessPenaltyPerUnitDay: 1, SplitPenalty: 1));
        var plan = FulfillmentSolver.Solve(
            new OrderRequest("warm-up", "warm-up", PromiseDays: 1, [new OrderLine("sku", 3)]),
            network, [new StockOffer("a", "sku", 2), new StockOffer("b", "sku", 2)], Budget);
        logger.LogInformation("Fulfillment solver warmed up in {Elapsed} ms ({Status}); network: {Network}.",
            clock.ElapsedMilliseconds, plan.Status, configured.Network is null ? configured.Unavailable : configured.Source);
    }, cancellationToken);
}
