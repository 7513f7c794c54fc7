namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>A grain that registers and lists durable reminders through the silo's reminder service.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(string reminderName, TimeSpan period, CancellationToken cancellationToken = default);

    Task UnregisterAsync(string reminderName, CancellationToken cancellationToken = default);

    Task<string[]> ListAsync(CancellationToken cancellationToken = default);
}
