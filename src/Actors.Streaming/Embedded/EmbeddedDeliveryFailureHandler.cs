using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Actors.Streaming.Embedded;

/// <summary>
/// What an embedded lane does when Orleans gives up delivering a message: the pulling agent of <c>QueueId</c> calls
/// <see cref="OnDeliveryFailure"/> once its retries (<see cref="EmbeddedLaneSettings.DeliveryBudget"/>) are spent, and
/// the partition's receiver moves the message to the dead-letter queue and acknowledges past it.
/// </summary>
/// <remarks>
/// Orleans 10.4.2 calls the handler after retrying for <c>MaxEventDeliveryTime</c>, then moves the consumer's cursor past
/// the message; the queue cache marks the message as failed and never reports it delivered. So the handler must settle
/// the offset itself, or the partition's acknowledgements would stop there. It must also not fault the subscription:
/// the next message of the stream should be delivered (implicit subscriptions are never faulted anyway).
/// </remarks>
internal sealed class EmbeddedDeliveryFailureHandler(
    string lane, QueueId queueId, Func<QueueId, EmbeddedQueueAdapterReceiver?> findReceiver, ILogger<EmbeddedDeliveryFailureHandler> logger)
    : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public async Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        if (sequenceToken is null)
        {
            logger.LogError("Lane {Lane}: Orleans gave up delivering a message of stream {StreamId} to {SubscriptionId} but named no offset; it stays queued.",
                lane, streamIdentity, subscriptionId);
            return;
        }
        var receiver = findReceiver(queueId);
        if (receiver is null)
        {
            logger.LogWarning("Lane {Lane}: delivery of offset {Offset} of stream {StreamId} failed after its receiver for {QueueId} stopped; it stays queued for redelivery.",
                lane, sequenceToken.SequenceNumber, streamIdentity, queueId);
            return;
        }
        try
        {
            await receiver.DeadLetterAsync(subscriptionId, streamIdentity, sequenceToken.SequenceNumber, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Orleans awaits this handler with its exceptions suppressed: without this log a failed dead-letter write would
            // leave no trace. The offset stays unsettled, so the message is redelivered after a restart.
            logger.LogError(exception, "Lane {Lane}: could not dead-letter offset {Offset} of stream {StreamId}; it stays queued.",
                lane, sequenceToken.SequenceNumber, streamIdentity);
            throw;
        }
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        // The handshake with a consumer failed; Orleans delivers from the cache position instead. Nothing is lost, only noted.
        logger.LogWarning("Lane {Lane}: subscription {SubscriptionId} of stream {StreamId} failed its handshake at {Token}.",
            lane, subscriptionId, streamIdentity, sequenceToken);
        return Task.CompletedTask;
    }
}
