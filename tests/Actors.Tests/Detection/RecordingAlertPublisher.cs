using System.Collections.Concurrent;
using Actors.Contracts.Events;
using Actors.Grains.Detection;

namespace Actors.Tests.Detection;

/// <summary>
/// The silo's real alert path (<see cref="IngressAlertPublisher"/>) with a record of what went through it and which lane
/// took it, so tests observe alerts without depending on the security cases that consume them.
/// </summary>
internal sealed class RecordingAlertPublisher(IGrainFactory grains) : IAlertPublisher
{
    private readonly IngressAlertPublisher _ingress = new(grains);

    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public ConcurrentQueue<PublishedAlert> Published { get; } = new();

    /// <summary>The next <paramref name="times"/> publishes of alerts for <paramref name="entity"/> fail as a timeout would.</summary>
    public void FailNext(string entity, int times) => _failures[entity] = times;

    public async Task<PublishReceipt> PublishAsync(EventEnvelope alert, CancellationToken cancellationToken)
    {
        if (_failures.TryGetValue(alert.Entity, out var left) && left > 0 && _failures.TryUpdate(alert.Entity, left - 1, left))
        {
            throw new TimeoutException($"injected publish failure for {alert.Entity} ({left - 1} left)");
        }
        var receipt = await _ingress.PublishAsync(alert, cancellationToken);
        Published.Enqueue(new PublishedAlert(alert, receipt.Lane, DateTimeOffset.UtcNow));
        return receipt;
    }
}
