using Actors.Contracts.Events;

namespace Actors.Grains.Detection;

/// <summary>Publishes alerts through the cluster's ingress, so the routing table puts them on the critical lane like any producer's.</summary>
public sealed class IngressAlertPublisher(IGrainFactory grains) : IAlertPublisher
{
    /// <inheritdoc/>
    public Task<PublishReceipt> PublishAsync(EventEnvelope alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        cancellationToken.ThrowIfCancellationRequested();
        return grains.GetGrain<IEventIngressGrain>(0).Publish(alert);
    }
}
