using Actors.Contracts.Events;

namespace Actors.Tests.Lanes.Embedded;

/// <summary>One envelope a probe grain took in: on which lane, and as the how-many-th delivery of its run.</summary>
public sealed record ProbeDelivery(string Lane, EventEnvelope Envelope, long Index);
