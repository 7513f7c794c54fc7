namespace Actors.Domain.Lanes;

/// <summary>Where an event type goes: its lane, the kind of entity that consumes it (the stream namespace), and whether that consumer exists yet.</summary>
public sealed record EventRoute(string Type, Lane Lane, string EntityKind, bool HasConsumer);
