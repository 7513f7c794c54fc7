using Actors.Contracts.Events;

namespace Actors.Tests.Detection;

/// <summary>An alert a detector published, the lane that took it, and when the enqueue returned.</summary>
internal sealed record PublishedAlert(EventEnvelope Alert, string Lane, DateTimeOffset PublishedAt);
