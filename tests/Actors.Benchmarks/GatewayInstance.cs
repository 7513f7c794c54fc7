using Actors.Client;
using Actors.Gateway.Configuration;
using Actors.Gateway.Hosting;
using Actors.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks;

/// <summary>
/// One gateway composed by the production calls (<c>AddActorsGateway</c>, <c>UseActorsGateway</c>) on real Kestrel, on a
/// free loopback port, over the benchmark's cluster client: the only difference between the two instances of a run is
/// the <see cref="GatewayProtections"/> passed in code.
/// </summary>
internal sealed class GatewayInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayInstance(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<GatewayInstance> StartAsync(ActorsClient client, GatewayOptions options, GatewayProtections protections, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(kestrel => GatewayKestrel.Configure(kestrel, options));
        builder.Services.AddActorsGateway(options, protections);
        builder.Services.AddSingleton(client);
        var app = builder.Build();
        app.UseActorsGateway();
        await app.StartAsync(cancellationToken);
        return new GatewayInstance(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
