namespace Actors.IntegrationTests.Kafka;

/// <summary>A lane consumer for the Kafka adapter tests; its activations are created by implicit stream subscriptions.</summary>
public interface IKafkaProbeGrain : IGrainWithStringKey
{
    /// <summary>How many events this probe has taken (successfully handled) so far.</summary>
    Task<int> Taken();
}
