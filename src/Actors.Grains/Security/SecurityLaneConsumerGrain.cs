using Actors.Contracts.Events;
using Actors.Contracts.Security;
using Actors.Domain.Lanes;
using Actors.Domain.Security;
using Actors.Grains.Events;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Actors.Grains.Security;

/// <summary>
/// Feeds alerts and identity events delivered by the critical lane into the tenant's <see cref="ISecurityIntakeGrain"/>.
/// The stream is per principal or host, but correlation needs the tenant's whole picture, so the intake decides; one
/// activation per stream keeps the lane's order. Refused envelopes go to the lane's DLQ.
/// </summary>
[ImplicitStreamSubscription(EventRoutingTable.SecurityCase)]
public sealed class SecurityLaneConsumerGrain(TimeProvider time) : Grain, ISecurityLaneConsumerGrain, IStreamSubscriptionObserver
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
            var (tenant, alert, identity) = SecurityEnvelopeCodec.FromEnvelope(envelope);
            var intake = GrainFactory.GetGrain<ISecurityIntakeGrain>(tenant);
            if (alert is not null)
            {
                await intake.RaiseAlert(alert);
            }
            else
            {
                await intake.Record(identity!);
            }
        });
}
