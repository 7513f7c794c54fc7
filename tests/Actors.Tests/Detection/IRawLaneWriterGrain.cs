using Actors.Contracts.Events;

namespace Actors.Tests.Detection;

/// <summary>
/// Writes envelopes straight onto a lane stream, skipping the ingress's validation: what a producer of an older release, or
/// one that talks to the lane directly, could leave on the lane. Lets tests reach the consumers' own refusals.
/// </summary>
public interface IRawLaneWriterGrain : IGrainWithIntegerKey
{
    /// <summary>Enqueues <paramref name="envelope"/> on stream <paramref name="streamNamespace"/>/<paramref name="streamKey"/> of <paramref name="lane"/>.</summary>
    Task Write(string lane, string streamNamespace, string streamKey, EventEnvelope envelope);
}
