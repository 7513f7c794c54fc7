using Orleans.Runtime.Providers;

namespace Actors.Streaming.Kafka;

/// <summary>
/// Turns Orleans' time-bounded delivery retries into attempt-bounded ones. The pulling agent (Orleans 10.4.2) retries a
/// failed delivery with no attempt limit until <c>StreamPullingAgentOptions.MaxEventDeliveryTime</c> (1 minute) has
/// passed, asking this provider for the pause before each retry, from inside its catch block. Throwing here after the
/// last allowed attempt ends the retries at once; the agent then treats it like any delivery failure: it marks the
/// event failed in its cache, calls <see cref="KafkaDeliveryFailureHandler"/> (dead letter) and moves on to the next
/// event. MaxEventDeliveryTime stays as the upper bound when the attempts themselves are slow (e.g. call timeouts).
/// The same provider paces the agent's handshake retries, which are bounded the same way.
/// </summary>
internal sealed class KafkaDeliveryRetryBackoff(int maxAttempts, TimeSpan retryDelay) : IMessageDeliveryBackoffProvider
{
    /// <param name="attempt">Zero-based number of the attempt that just failed.</param>
    public TimeSpan Next(int attempt) =>
        attempt + 1 >= maxAttempts ? throw new DeliveryAttemptsExhaustedException(attempt + 1) : retryDelay;
}
