using Actors.Contracts.Events;
using Actors.Domain.Lanes;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Actors.IntegrationTests.Kafka;

/// <summary>
/// Consumes the <c>account</c> stream namespace of both lanes (the namespace the routing table gives billing types)
/// and records what it takes. Delivery is at least once: the probe records duplicates instead of hiding them, so the
/// tests can see exactly what the adapter redelivers; deduplication is the real consumers' job, not the adapter's.
/// </summary>
[ImplicitStreamSubscription(EventRoutingTable.Account)]
public sealed class KafkaProbeGrain : Grain, IKafkaProbeGrain, IStreamSubscriptionObserver
{
    private int _taken;

    public Task<int> Taken() => Task.FromResult(_taken);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var lane = handleFactory.ProviderName;
        await handleFactory.Create<EventEnvelope>().ResumeAsync(async (envelope, token) =>
        {
            var offset = token is EventSequenceTokenV2 lanePosition ? lanePosition.SequenceNumber : -1;
            await KafkaProbeLog.TakeAsync(lane, envelope, offset);
            _taken++;
        });
    }
}
