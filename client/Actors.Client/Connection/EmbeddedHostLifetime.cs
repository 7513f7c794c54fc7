using Microsoft.Extensions.Hosting;

namespace Actors.Client.Connection;

/// <summary>
/// The lifetime of the SDK's private Orleans client host: started and stopped by <see cref="ActorsClient"/> alone. The
/// default <c>ConsoleLifetime</c> would claim the process's SIGINT and SIGTERM, cancel them, and only stop this host: the
/// calling service or CLI would never see Ctrl-C or a container's stop signal and would keep running.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
