using Actors.Contracts.Events;

namespace Actors.Streaming.Embedded;

/// <summary>An envelope on its way into a lane partition, with the Orleans stream it was published on.</summary>
/// <param name="StreamNamespace">The stream's namespace (the entity kind), or null for a stream without one.</param>
/// <param name="StreamKey">The stream's key as text.</param>
/// <param name="Envelope">The event.</param>
public sealed record LaneMessage(string? StreamNamespace, string StreamKey, EventEnvelope Envelope);
