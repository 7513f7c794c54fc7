using Actors.Contracts.Events;
using Actors.Domain.Lanes;

namespace Actors.Gateway.Validation;

/// <summary>An envelope that passed every check, with the route its type takes (lane and entity kind).</summary>
/// <param name="Index">Its position in the request (for error paths).</param>
/// <param name="Envelope">The envelope.</param>
/// <param name="Route">Where the cluster will send it.</param>
public sealed record ValidatedEvent(int Index, EventEnvelope Envelope, EventRoute Route);
