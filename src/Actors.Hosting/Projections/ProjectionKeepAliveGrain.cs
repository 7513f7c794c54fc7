using Actors.Contracts.Projections;
using Actors.Grains.Projections;

namespace Actors.Hosting.Projections;

/// <summary>
/// A durable reminder that calls the projection's owner every <see cref="ProjectionOptions.KeepAlivePeriod"/>: when the
/// silo holding the owner dies, the next tick activates it on a live silo, which resumes from the checkpoint (and resumes
/// any interrupted rebuild). Reminders live in PostgreSQL in the cluster profile, so they outlive every silo.
/// </summary>
/// <remarks>
/// It lives here, not in <c>Actors.Grains</c>, because keeping owners alive by reminder is a hosting concern of the cluster
/// profile (the local profile's single silo has no other silo to move to), so the owner grain stays the same in both.
/// </remarks>
internal sealed class ProjectionKeepAliveGrain(ProjectionOptions options) : Grain, IProjectionKeepAliveGrain, IRemindable
{
    private const string ReminderName = "keep-owner-alive";

    public async Task Keep()
    {
        await this.RegisterOrUpdateReminder(ReminderName, options.KeepAlivePeriod, options.KeepAlivePeriod);
        await Owner().Start();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Owner().Start();

    private IProjectionGrain Owner() => GrainFactory.GetGrain<IProjectionGrain>(this.GetPrimaryKeyString());
}
