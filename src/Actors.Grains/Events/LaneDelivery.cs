using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Grains.Telemetry;
using Actors.Streaming.Lanes;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Events;

/// <summary>
/// What every lane consumer does with one delivered envelope: apply it; when the entity refuses it for good (invalid,
/// conflicting: an <see cref="ActorsException"/>), park it in the lane's dead-letter queue with the reason and let the
/// partition flow on; otherwise record its end-to-end latency. Any other failure propagates, so the lane redelivers; that
/// includes the database being down or refusing writes, which is not the envelope's fault.
/// </summary>
internal static class LaneDelivery
{
    public static async Task ApplyAsync(IServiceProvider services, TimeProvider time, string lane, EventEnvelope envelope, Func<Task> apply)
    {
        try
        {
            await apply();
        }
        catch (ActorsException permanent) when (permanent is not (StoreUnavailableException or StoreRefusedException))
        {
            // Retrying cannot help: the same envelope would be refused the same way.
            await services.GetRequiredService<ILaneDeadLetterQueue>().AddAsync(lane, envelope, permanent.Message, CancellationToken.None);
            GrainInstruments.DeadLettered.Add(1, new KeyValuePair<string, object?>("lane", lane));
            return;
        }
        if (envelope.EnqueuedAt is { } enqueued)
        {
            GrainInstruments.EndToEndLatency.Record((time.GetUtcNow() - enqueued).TotalMilliseconds, new KeyValuePair<string, object?>("lane", lane));
        }
    }
}
