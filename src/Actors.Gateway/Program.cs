using Actors.Client;
using Actors.Gateway.Configuration;
using Actors.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
GatewayConfiguration.Apply(builder.Configuration, args);

GatewayOptions options;
try
{
    options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
    builder.Services.AddActorsGateway(options);
    _ = options.Cluster.ToClientOptions();
}
catch (Exception ex) when (ex is InvalidOperationException or FormatException)
{
    Console.Error.WriteLine($"actors-gateway: {ex.Message}");
    return 2;
}

builder.WebHost.UseUrls(options.Url);
builder.WebHost.ConfigureKestrel(kestrel => GatewayKestrel.Configure(kestrel, options));
builder.Services.AddSingleton(options.Cluster);
builder.Services.AddSingleton<ClusterConnection>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterConnection>());
builder.Services.AddSingleton<ActorsClient>(sp => sp.GetRequiredService<ClusterConnection>().Client);

var app = builder.Build();
app.UseActorsGateway();
app.Logger.LogInformation("Actors gateway listening on {Url}, cluster profile {Profile}.", options.Url, options.Cluster.Profile);
try
{
    await app.RunAsync();
}
catch (ClusterUnavailableException unavailable)
{
    // Start-up connects before listening; without a cluster there is nothing to serve.
    Console.Error.WriteLine($"actors-gateway: {unavailable.Message}");
    return 3;
}
return 0;

/// <summary>The gateway executable (public so tests can name its assembly).</summary>
public partial class Program;
