using Actors.Contracts.Events;

namespace Actors.Streaming.Lanes;

/// <summary>An envelope a lane gave up on, with why. It stays until replayed or removed.</summary>
public sealed record DeadLetter(long Id, string Lane, EventEnvelope Envelope, string Reason, DateTimeOffset FailedAt);
