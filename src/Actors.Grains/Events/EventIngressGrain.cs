using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Domain.Billing;
using Actors.Domain.Detection;
using Actors.Domain.Inventory;
using Actors.Domain.Lanes;
using Actors.Domain.Security;
using Actors.Streaming.Lanes;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Grains.Events;

/// <summary>
/// Validates envelopes, routes them by type and enqueues them on their lane. Validation happens here, before the enqueue,
/// so a bad event is answered with a specific error and never becomes a poison message on a lane.
/// </summary>
/// <remarks>
/// Reentrant: the grain has no state and spends its time awaiting durable enqueues, so calls interleave. Without it a
/// critical publish would queue behind bulk batches in the few worker activations a silo runs, and the lanes' isolation
/// would be lost at the front door.
/// </remarks>
[StatelessWorker, Reentrant]
public sealed class EventIngressGrain(EventRoutingTable routing, LaneAvailability lanes, TimeProvider time) : Grain, IEventIngressGrain
{
    public async Task<PublishReceipt> Publish(EventEnvelope envelope)
    {
        var (route, stream) = Admit(envelope);
        await stream.OnNextAsync(envelope with { EnqueuedAt = time.GetUtcNow() });
        return Receipt(envelope, route);
    }

    public async Task<List<PublishReceipt>> PublishBatch(List<EventEnvelope> envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        // All or nothing at the validation step: a file with one bad line enqueues nothing.
        var admitted = envelopes.Select((e, i) => AdmitAt(e, i)).ToList();
        var now = time.GetUtcNow();
        // Concurrent enqueues share the queue's group commit instead of paying one durable write each.
        await Task.WhenAll(admitted.Select(a => a.Stream.OnNextAsync(a.Envelope with { EnqueuedAt = now })));
        return admitted.Select(a => Receipt(a.Envelope, a.Route)).ToList();
    }

    private (EventEnvelope Envelope, EventRoute Route, IAsyncStream<EventEnvelope> Stream) AdmitAt(EventEnvelope envelope, int index)
    {
        try
        {
            var (route, stream) = Admit(envelope);
            return (envelope, route, stream);
        }
        catch (InvalidEventException ex)
        {
            throw new InvalidEventException($"envelope #{index + 1}: {ex.Message} Nothing was enqueued.");
        }
    }

    private (EventRoute Route, IAsyncStream<EventEnvelope> Stream) Admit(EventEnvelope envelope)
    {
        EventEnvelopeValidation.Validate(envelope);
        if (!lanes.Enabled)
        {
            throw new InvalidEventException(lanes.DisabledReason);
        }
        var key = EntityKey.Format(envelope.Tenant, envelope.Entity);
        var route = routing.Route(envelope.Type);
        if (!route.HasConsumer)
        {
            throw new InvalidEventException(
                $"'{envelope.Type}' is routed to the {LaneNames.Of(route.Lane)} lane but this version of the cluster has no consumer for it yet; it was not enqueued.");
        }
        if (route.EntityKind == EventRoutingTable.Account)
        {
            // Decoding now proves the consumer will be able to decode it later.
            BillingEnvelopeCodec.FromEnvelope(envelope);
        }
        else if (route.EntityKind == EventRoutingTable.Stock)
        {
            StockEnvelopeCodec.FromEnvelope(envelope);
        }
        else if (route.EntityKind == EventRoutingTable.SecurityCase)
        {
            SecurityEnvelopeCodec.FromEnvelope(envelope);
        }
        else if (route.EntityKind == EventRoutingTable.Detector)
        {
            TelemetryEnvelopeCodec.FromEnvelope(envelope);
        }
        var stream = this.GetStreamProvider(LaneNames.Of(route.Lane)).GetStream<EventEnvelope>(StreamId.Create(route.EntityKind, key));
        return (route, stream);
    }

    private static PublishReceipt Receipt(EventEnvelope e, EventRoute route) =>
        new(e.Tenant, e.Entity, e.Source, e.Seq, LaneNames.Of(route.Lane));
}
