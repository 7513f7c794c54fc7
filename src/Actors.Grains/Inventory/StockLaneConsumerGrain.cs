using Actors.Contracts.Events;
using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;
using Actors.Domain.Lanes;
using Actors.Grains.Events;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Actors.Grains.Inventory;

/// <summary>
/// Feeds stock events delivered by the lanes into the SKU-location's <see cref="IStockGrain"/>. A grain of its own rather
/// than the stock shard itself: with a hot SKU split over shards, the door routes each event, and a shard that consumed
/// the stream would have to call back through the door into itself. One activation per stream keeps the lane's order.
/// </summary>
[ImplicitStreamSubscription(EventRoutingTable.Stock)]
public sealed class StockLaneConsumerGrain(TimeProvider time) : Grain, IStockLaneConsumerGrain, IStreamSubscriptionObserver
{
    /// <summary>Orleans calls this when a lane first delivers to this activation; the provider name is the lane.</summary>
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var lane = handleFactory.ProviderName;
        await handleFactory.Create<EventEnvelope>().ResumeAsync((envelope, _) => OnLaneEventAsync(lane, envelope));
    }

    private Task OnLaneEventAsync(string lane, EventEnvelope envelope) =>
        LaneDelivery.ApplyAsync(ServiceProvider, time, lane, envelope, async () =>
        {
            var (key, stockEvent) = StockEnvelopeCodec.FromEnvelope(envelope);
            await GrainFactory.GetGrain<IStockGrain>(key).Record(stockEvent);
        });
}
