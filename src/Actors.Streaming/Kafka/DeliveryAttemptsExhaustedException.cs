namespace Actors.Streaming.Kafka;

/// <summary>Ends Orleans' delivery retries of one event after the lane's <see cref="KafkaLaneSettings.MaxDeliveryAttempts"/>.</summary>
public sealed class DeliveryAttemptsExhaustedException(int attempts)
    : Exception($"delivery failed {attempts} time(s) (MaxDeliveryAttempts); the event goes to the lane's dead-letter topic.")
{
    /// <summary>How many deliveries were attempted.</summary>
    public int Attempts { get; } = attempts;
}
