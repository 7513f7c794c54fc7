using System.Collections.Concurrent;
using Actors.Contracts.Events;

namespace Actors.Tests.Cli.Events;

/// <summary>
/// An ingress stand-in whose answers come from a script (throw this on call 1, that on call 2, then succeed), which keeps
/// every object each call was handed and routes by a fixed type-to-lane map, like the cluster's routing table.
/// </summary>
internal sealed class ScriptedIngressGrain(params Func<int, Exception?>[] script) : IEventIngressGrain
{
    private int _calls;

    /// <summary>Grain keys the client asked for.</summary>
    public ConcurrentQueue<long> Keys { get; } = new();

    /// <summary>What each <see cref="Publish"/> call was handed, in call order.</summary>
    public ConcurrentQueue<EventEnvelope> Singles { get; } = new();

    /// <summary>What each <see cref="PublishBatch"/> call was handed, in call order (the list objects themselves).</summary>
    public ConcurrentQueue<List<EventEnvelope>> Batches { get; } = new();

    /// <summary>Envelopes enqueued by calls that succeeded.</summary>
    public ConcurrentQueue<EventEnvelope> Enqueued { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public Task<PublishReceipt> Publish(EventEnvelope envelope)
    {
        Singles.Enqueue(envelope);
        if (Scripted() is { } failure)
        {
            return Task.FromException<PublishReceipt>(failure);
        }
        Enqueued.Enqueue(envelope);
        return Task.FromResult(Receipt(envelope));
    }

    public Task<List<PublishReceipt>> PublishBatch(List<EventEnvelope> envelopes)
    {
        Batches.Enqueue(envelopes);
        if (Scripted() is { } failure)
        {
            return Task.FromException<List<PublishReceipt>>(failure);
        }
        foreach (var envelope in envelopes)
        {
            Enqueued.Enqueue(envelope);
        }
        return Task.FromResult(envelopes.Select(Receipt).ToList());
    }

    private Exception? Scripted()
    {
        var call = Interlocked.Increment(ref _calls) - 1;
        return call < script.Length ? script[call](call) : null;
    }

    private static PublishReceipt Receipt(EventEnvelope e) =>
        new(e.Tenant, e.Entity, e.Source, e.Seq, e.Type == "UsageRecorded" ? "bulk" : "critical");
}
