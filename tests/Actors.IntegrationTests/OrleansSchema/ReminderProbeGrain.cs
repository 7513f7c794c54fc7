namespace Actors.IntegrationTests.OrleansSchema;

/// <inheritdoc cref="IReminderProbeGrain"/>
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public async Task RegisterAsync(string reminderName, TimeSpan period, CancellationToken cancellationToken = default) =>
        await this.RegisterOrUpdateReminder(reminderName, period, period);

    public async Task UnregisterAsync(string reminderName, CancellationToken cancellationToken = default)
    {
        var reminder = await this.GetReminder(reminderName)
            ?? throw new InvalidOperationException($"No reminder '{reminderName}' is registered for {this.GetGrainId()}.");
        await this.UnregisterReminder(reminder);
    }

    public async Task<string[]> ListAsync(CancellationToken cancellationToken = default) =>
        (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal).ToArray();

    // The tests register reminders far enough out that they never tick; only their storage is under test.
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
