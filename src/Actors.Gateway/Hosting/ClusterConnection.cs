using Actors.Client;
using Actors.Gateway.Configuration;

namespace Actors.Gateway.Hosting;

/// <summary>
/// The gateway's one connection to the cluster: connected while the host starts (so the gateway does not listen before
/// it can serve), disconnected when it stops.
/// </summary>
public sealed class ClusterConnection(GatewayClusterOptions options, ILogger<ClusterConnection> logger) : IHostedService, IAsyncDisposable
{
    private ActorsClient? _client;

    /// <summary>The connected client.</summary>
    /// <exception cref="InvalidOperationException">before the host has started.</exception>
    public ActorsClient Client => _client ?? throw new InvalidOperationException("the gateway is not connected to the cluster yet.");

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clientOptions = options.ToClientOptions();
        logger.LogInformation("Connecting to the Actors cluster ({Profile} profile)...", clientOptions.Profile);
        _client = await ActorsClient.ConnectAsync(clientOptions, cancellationToken);
        logger.LogInformation("Connected to the Actors cluster.");
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        var client = Interlocked.Exchange(ref _client, null);
        if (client is not null)
        {
            await client.DisposeAsync();
        }
    }
}
