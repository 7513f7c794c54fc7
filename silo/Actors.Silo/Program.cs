using Actors.Hosting;
using Actors.Hosting.Health;
using Actors.Silo;
using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
SiloConfiguration.Apply(builder.Configuration, args);

ActorsSiloOptions options;
HttpAuthenticationOptions httpAuthentication;
try
{
    options = builder.Configuration.GetSection(ActorsSiloOptions.Section).Get<ActorsSiloOptions>() ?? new ActorsSiloOptions();
    httpAuthentication = builder.Configuration.GetSection(HttpAuthenticationOptions.Section).Get<HttpAuthenticationOptions>() ?? new HttpAuthenticationOptions();
    if (options.Profile == ActorsProfile.Cluster)
    {
        options.RequirePostgres();
    }
    // Thresholds are validated here too, so a mistake is one line naming the setting (exit 2), not a failed start.
    HealthOptions.FromConfiguration(builder.Configuration);
}
catch (Exception ex) when (ex is InvalidOperationException or FormatException)
{
    Console.Error.WriteLine($"actors-silo: {ex.Message}");
    return 2;
}

try
{
    builder.UseOrleans(silo =>
    {
        silo.AddActors(options);
        silo.AddDashboard();
    });
}
catch (InvalidOperationException unusable) when (options.Tls.Enabled)
{
    // Certificate problems (missing file, wrong password, no CA) are configuration mistakes: say so, without a stack trace.
    Console.Error.WriteLine($"actors-silo: {unusable.Message}");
    return 2;
}

builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("actors-silo"))
    .WithMetrics(metrics => metrics
    .AddMeter("Microsoft.Orleans", "Actors")
    .AddPrometheusExporter());

var app = builder.Build();

if (httpAuthentication.IsRequired(options.Profile))
{
    if (!httpAuthentication.HasCredentials)
    {
        app.Logger.LogWarning("/dashboard and /metrics require authentication but no Actors:Http:Users or Actors:Http:ApiKeys are configured: every request to them gets 401.");
    }
    app.UseMiddleware<HttpEndpointAuthentication>(httpAuthentication);
}

// 503 while starting or stopping (route elsewhere); otherwise 200 with healthy | degraded | unhealthy and the reasons in the
// body (?strict=true answers 503 when unhealthy; see SiloHealthJson.HttpStatus for why that is not the default).
app.MapGet("/healthz", async (SiloReadiness readiness, SiloHealthMonitor health, Orleans.Runtime.ILocalSiloDetails silo, bool? strict, CancellationToken cancellationToken) =>
{
    if (!readiness.IsReady)
    {
        return Results.Text(SiloHealthJson.Starting(silo.Name), "application/json", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
    var report = await health.CurrentAsync(cancellationToken);
    return Results.Text(SiloHealthJson.Serialize(report), "application/json", statusCode: SiloHealthJson.HttpStatus(report, strict == true));
});
app.MapPrometheusScrapingEndpoint("/metrics");
// The dashboard has no authentication of its own: in the local profile the HTTP port is bound to localhost only
// (see cluster-config/appsettings.local.json); in the cluster profile HttpEndpointAuthentication guards it and /metrics.
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.MapGet("/", () => Results.Redirect("/dashboard"));

app.Logger.LogInformation("Actors silo starting: profile {Profile}, silo port {SiloPort}, gateway port {GatewayPort}.",
    options.Profile, options.SiloPort, options.GatewayPort);
await app.RunAsync();
return 0;
