using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Streaming.Kafka;

/// <summary>
/// Called by the pulling agent of one partition when it gives up delivering an event to a subscription (after
/// <see cref="KafkaLaneSettings.MaxDeliveryAttempts"/>, see <see cref="KafkaDeliveryRetryBackoff"/>). It writes the event,
/// found by its offset among the partition's in-flight messages, to the lane's dead-letter topic with the reason, and
/// only then lets the offset count as settled, so the partition's commit moves on and the lane keeps flowing. The agent
/// awaits this before it moves its cursor past the event. Subscriptions are never faulted: an implicit subscription
/// cannot be, and one poison event must not stop an entity's stream.
/// </summary>
internal sealed class KafkaDeliveryFailureHandler(
    string lane,
    QueueId queue,
    int maxAttempts,
    KafkaPartitionDirectory partitions,
    KafkaDeadLetterQueue deadLetters,
    ILogger logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public async Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        if (sequenceToken is not EventSequenceTokenV2 token)
        {
            logger.LogError(
                "Delivery on {Lane} stream {Stream} failed but the agent reported no lane token ({Token}); the event stays uncommitted and will be redelivered after a restart.",
                lane, streamIdentity, sequenceToken);
            return;
        }
        var offset = token.SequenceNumber;
        var partition = partitions.Find(lane, queue);
        if (partition is null)
        {
            logger.LogWarning("Delivery of {Lane} {Queue} offset {Offset} failed after this silo let go of the partition; its new reader will redeliver it.", lane, queue, offset);
            return;
        }
        // With BatchSize > 1 the token is the first event of the failed batch; its siblings are dead-lettered when the
        // agent drops them (KafkaQueueCache), naming this one.
        var reason = $"delivery (of this event, or of the batch it starts) to subscription {subscriptionId} of stream {streamIdentity} failed {maxAttempts} time(s) (MaxDeliveryAttempts) or for longer than MaxEventDeliveryTime";
        partition.RecordDeliveryFailure(streamIdentity, offset, reason);
        if (!partition.TryGetInFlight(offset, out var container))
        {
            // Another subscription of the same stream already dead-lettered it.
            return;
        }
        try
        {
            await deadLetters.WriteAsync(partition.DeadLetterOf(container, reason), CancellationToken.None);
        }
        catch (Exception writeFailed)
        {
            // The offset stays unsettled; when the agent drops the event from its cache the receiver retries the write.
            logger.LogError(writeFailed, "Could not dead-letter {Lane} {Topic}[{Partition}]@{Offset}; will retry before committing past it.", lane, partition.Topic, partition.Partition, offset);
            throw;
        }
        partition.DeadLettered(offset);
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        logger.LogWarning(
            "Subscription {Subscription} of {Lane} stream {Stream} failed to (re)start at {Token}; the agent retries it when the stream's next event arrives.",
            subscriptionId, lane, streamIdentity, sequenceToken);
        return Task.CompletedTask;
    }
}
