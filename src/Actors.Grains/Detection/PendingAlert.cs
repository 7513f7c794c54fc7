using Actors.Contracts.Events;

namespace Actors.Grains.Detection;

/// <summary>An alert a detector decided and has not published yet, with when its telemetry entered the lane (for latency).</summary>
internal sealed record PendingAlert(string Rule, EventEnvelope Alert, DateTimeOffset? TelemetryEnqueuedAt);
