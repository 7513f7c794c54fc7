using System.Collections.Concurrent;
using Actors.Contracts.Fulfillment;

namespace Actors.Tests.Cli;

/// <summary>An order grain stand-in whose Place answers come from a script, keeping every order object it was handed.</summary>
internal sealed class OrdersScriptedFulfillmentGrain(string tenant, params Exception?[] script) : IFulfillmentGrain
{
    private int _calls;

    public ConcurrentQueue<PlaceOrder> Received { get; } = new();

    public Task<OrderDecision> Place(PlaceOrder order)
    {
        Received.Enqueue(order);
        var call = Interlocked.Increment(ref _calls) - 1;
        if (call < script.Length && script[call] is { } failure)
        {
            return Task.FromException<OrderDecision>(failure);
        }
        return Task.FromResult(new OrderDecision(
            tenant, order.OrderId, OrderStatus.Placed, [], DecisionStatus.Optimal, 0, TimeSpan.Zero, [], null, DateTimeOffset.UnixEpoch, call > 0));
    }

    public Task<OrderDecision?> Get() => throw new NotSupportedException("not scripted");
}
