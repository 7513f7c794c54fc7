using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Domain.Detection;
using Actors.Domain.Lanes;
using Actors.Grains.Events;
using Actors.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Actors.Grains.Detection;

/// <summary>
/// Applies the silo's detection rules to the telemetry of one bulk-lane entity and raises an <c>AlertRaised</c> on the
/// critical lane when one fires. A thin shell over <see cref="DetectorState"/>.
/// </summary>
/// <remarks>
/// State lives in memory only. Writing it on every telemetry event would put a storage write behind each of the bulk lane's
/// highest-volume events, and a window is minutes long: losing it costs at most the evidence of one window in progress
/// (a restarted detector may miss an attack that straddles the restart). It never costs a second alert for the same
/// window, because an alert's key is a function of its window (<see cref="AlertKeys"/>) and the security cases deduplicate
/// by it. Alerts are published before the delivery is acknowledged: a decided alert that could not be published stays
/// pending, the delivery fails, and the redelivery (a duplicate for the windows) publishes it; a timer retries it too, in
/// case the lane gives up on the delivery first.
/// </remarks>
[ImplicitStreamSubscription(EventRoutingTable.Detector)]
public sealed class DetectorGrain(
    ConfiguredDetectionRules rules,
    IAlertPublisher publisher,
    TimeProvider time,
    ILogger<DetectorGrain> logger) : Grain, IDetectorGrain, IStreamSubscriptionObserver
{
    private readonly DetectorState _state = new(rules.Rules);
    private static readonly TimeSpan PendingRetryPeriod = TimeSpan.FromSeconds(5);

    private readonly List<PendingAlert> _pending = [];
    private IGrainTimer? _pendingRetry;
    private string _tenant = "";
    private long _processed;
    private long _duplicates;
    private long _dropped;
    private long _raised;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _) = EntityKey.Parse(this.GetPrimaryKeyString());
        if (rules.ShouldReportMissing())
        {
            logger.LogWarning("Detectors run without rules and raise no alerts: {Reason}", rules.Unavailable);
        }
        return Task.CompletedTask;
    }

    /// <summary>Orleans calls this when a lane first delivers to this activation; the provider name is the lane, for its DLQ.</summary>
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var lane = handleFactory.ProviderName;
        await handleFactory.Create<EventEnvelope>().ResumeAsync((envelope, _) => OnLaneEventAsync(lane, envelope));
    }

    public Task<DetectorStatus> GetStatus() =>
        Task.FromResult(new DetectorStatus(_processed, _duplicates, _dropped, _raised, _pending.Count, _state.Groups));

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            // The retry timer keeps the activation alive, so only a silo shutdown or crash gets here with alerts pending.
            logger.LogError("Detector {Key} deactivates ({Reason}) with {Count} unpublished alerts: {Alerts}", this.GetPrimaryKeyString(), reason,
                _pending.Count, string.Join(", ", _pending.Select(p => $"{p.Alert.Source}/{p.Alert.Seq}")));
        }
        return Task.CompletedTask;
    }

    private Task OnLaneEventAsync(string lane, EventEnvelope envelope) =>
        LaneDelivery.ApplyAsync(ServiceProvider, time, lane, envelope, () => ApplyAsync(envelope));

    private async Task ApplyAsync(EventEnvelope envelope)
    {
        // Alerts left over from a failed delivery go first, so a redelivery (which adds nothing) still publishes them.
        await PublishPendingAsync();
        _processed++;
        TelemetryEvent telemetry;
        try
        {
            telemetry = TelemetryEnvelopeCodec.FromEnvelope(envelope);
        }
        catch (InvalidEventException)
        {
            _dropped++;
            DetectionInstruments.TelemetryProcessed(envelope.Type, DetectionInstruments.Invalid);
            throw; // LaneDelivery parks it in the lane's DLQ with the message.
        }

        var observation = _state.Observe(telemetry);
        if (observation.IsDuplicate)
        {
            _duplicates++;
        }
        DetectionInstruments.TelemetryProcessed(telemetry.Type,
            observation.Counted > 0 ? DetectionInstruments.Counted : observation.IsDuplicate ? DetectionInstruments.Duplicate : DetectionInstruments.Unmatched);
        foreach (var detection in observation.Detections)
        {
            _pending.Add(new PendingAlert(detection.Rule.Name, AlertEnvelopeCodec.ToEnvelope(_tenant, detection), envelope.EnqueuedAt));
        }
        await PublishPendingAsync();
    }

    // Retries alerts whose publish failed even when no further telemetry arrives to trigger a redelivery (the lane gives up
    // on a delivery after its attempts and dead-letters the telemetry, but the decided alert is still here).
    private async Task RetryPendingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PublishPendingAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Publishing {Count} pending alerts of detector {Key} failed; retrying in {Period}.", _pending.Count, this.GetPrimaryKeyString(), PendingRetryPeriod);
        }
    }

    private async Task PublishPendingAsync()
    {
        try
        {
            await PublishPendingCoreAsync();
        }
        finally
        {
            if (_pending.Count == 0)
            {
                _pendingRetry?.Dispose();
                _pendingRetry = null;
            }
            else
            {
                _pendingRetry ??= this.RegisterGrainTimer(RetryPendingAsync, new GrainTimerCreationOptions(PendingRetryPeriod, PendingRetryPeriod) { KeepAlive = true });
            }
        }
    }

    private async Task PublishPendingCoreAsync()
    {
        while (_pending.Count > 0)
        {
            var next = _pending[0];
            try
            {
                await publisher.PublishAsync(next.Alert, CancellationToken.None);
            }
            catch (ActorsException refused) when (refused is not (StoreUnavailableException or StoreRefusedException))
            {
                // The ingress refuses this alert for good (e.g. the cluster has no lanes): retrying cannot help, and keeping
                // it would fail every later delivery of this entity. Dropped loudly instead. A database failure is not the
                // alert's fault: it propagates, the telemetry is redelivered and the alert (same key) published again.
                logger.LogError(refused, "Alert {Source}/{Seq} for {Tenant}/{Entity} was refused and dropped: {Reason}",
                    next.Alert.Source, next.Alert.Seq, next.Alert.Tenant, next.Alert.Entity, refused.Message);
                DetectionInstruments.AlertRefused(next.Rule);
                _pending.RemoveAt(0);
                continue;
            }
            _pending.RemoveAt(0);
            _raised++;
            DetectionInstruments.AlertPublished(next.Rule, next.TelemetryEnqueuedAt is { } enqueued ? time.GetUtcNow() - enqueued : null);
        }
    }
}
