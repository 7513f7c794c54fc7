using Actors.Contracts.Events;

namespace Actors.Grains.Detection;

/// <summary>
/// Where detectors send their <c>AlertRaised</c> envelopes. The silo's default, <see cref="IngressAlertPublisher"/>,
/// enqueues them on the critical lane; a host may register its own (before <c>AddActors</c>) to observe or redirect them.
/// </summary>
public interface IAlertPublisher
{
    /// <summary>Publishes <paramref name="alert"/>; returns once it is durably enqueued, with the lane that took it.</summary>
    Task<PublishReceipt> PublishAsync(EventEnvelope alert, CancellationToken cancellationToken);
}
