using Actors.Hosting;
using Actors.Silo;
using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
SiloConfiguration.Apply(builder.Configuration, args);

ActorsSiloOptions options;
try
{
    options = builder.Configuration.GetSection(ActorsSiloOptions.Section).Get<ActorsSiloOptions>() ?? new ActorsSiloOptions();
    if (options.Profile == ActorsProfile.Cluster)
    {
        options.RequirePostgres();
    }
}
catch (Exception ex) when (ex is InvalidOperationException or FormatException)
{
    Console.Error.WriteLine($"actors-silo: {ex.Message}");
    return 2;
}

builder.UseOrleans(silo =>
{
    silo.AddActors(options);
    silo.AddDashboard();
});

builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("actors-silo"))
    .WithMetrics(metrics => metrics
    .AddMeter("Microsoft.Orleans", "Actors")
    .AddPrometheusExporter());

var app = builder.Build();

app.MapGet("/healthz", (SiloReadiness readiness) =>
    readiness.IsReady ? Results.Text("ok") : Results.Text("starting", statusCode: StatusCodes.Status503ServiceUnavailable));
app.MapPrometheusScrapingEndpoint("/metrics");
// The dashboard has no authentication of its own: in the local profile the HTTP port is bound to localhost only
// (see cluster-config/appsettings.local.json); the cluster profile must put it behind an authenticating proxy.
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.MapGet("/", () => Results.Redirect("/dashboard"));

app.Logger.LogInformation("Actors silo starting: profile {Profile}, silo port {SiloPort}, gateway port {GatewayPort}.",
    options.Profile, options.SiloPort, options.GatewayPort);
await app.RunAsync();
return 0;
