using Actors.Contracts.Events;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Actors.Tests.Lanes.Embedded;

/// <summary>
/// Consumes <see cref="ProbeNamespace"/> streams of every lane and reports each delivery to its <see cref="ProbeRun"/>
/// (the envelope's tenant). Deliveries are at least once: the probe records what it got and leaves dedup to the real consumers.
/// </summary>
[ImplicitStreamSubscription(ProbeNamespace)]
public sealed class EmbeddedLaneProbeGrain : Grain, IEmbeddedLaneProbeGrain, IStreamSubscriptionObserver
{
    public const string ProbeNamespace = "lanes-embedded-probe";

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        // One subscription per lane: the provider is the lane.
        var lane = handleFactory.ProviderName;
        await handleFactory.Create<EventEnvelope>().ResumeAsync((envelope, _) => ProbeRun.Of(envelope.Tenant).ReceiveAsync(lane, envelope));
    }
}
