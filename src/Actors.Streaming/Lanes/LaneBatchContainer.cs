using Actors.Contracts.Events;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Streaming.Lanes;

/// <summary>
/// One queue message of a lane: exactly one envelope. One envelope per message keeps a poison event alone in its
/// container, so dead-lettering it never takes innocent neighbours along, and the token maps 1:1 to a queue offset
/// (the adapters commit offsets, not containers).
/// </summary>
[GenerateSerializer, Alias("lanes.batch")]
public sealed class LaneBatchContainer : IBatchContainer
{
    public LaneBatchContainer(StreamId streamId, EventEnvelope envelope, EventSequenceTokenV2 token)
    {
        StreamId = streamId;
        Envelope = envelope;
        Token = token;
    }

    [Id(0)] public StreamId StreamId { get; }

    [Id(1)] public EventEnvelope Envelope { get; }

    /// <summary>The queue offset (sequence number) of the message within its partition.</summary>
    [Id(2)] public EventSequenceTokenV2 Token { get; }

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        if (Envelope is T typed)
        {
            yield return Tuple.Create<T, StreamSequenceToken>(typed, Token);
        }
    }

    public bool ImportRequestContext() => false;
}
