namespace Actors.Gateway.Hosting;

/// <summary>
/// Layers the gateway's configuration like the silo's: <c>appsettings.json</c> beside the executable, then environment
/// variables (<c>Gateway__Jwt__Issuer=…</c>), then command-line arguments (<c>--Gateway:Url=…</c> or the short switches).
/// </summary>
public static class GatewayConfiguration
{
    /// <summary>Short command-line switches for the settings people change most.</summary>
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--url"] = "Gateway:Url",
        ["--profile"] = "Gateway:Cluster:Profile",
        ["--gateway-port"] = "Gateway:Cluster:GatewayPort",
        ["--postgres"] = "Gateway:Cluster:PostgresConnectionString",
        ["--cluster-id"] = "Gateway:Cluster:ClusterId",
    };

    /// <summary>Replaces <paramref name="configuration"/>'s sources with the gateway's layers.</summary>
    public static void Apply(ConfigurationManager configuration, string[] args)
    {
        configuration.Sources.Clear();
        configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddEnvironmentVariables()
            .AddCommandLine(args, Switches);

        if (configuration["Gateway:Cluster:PostgresConnectionString"] is null && Environment.GetEnvironmentVariable("ACTORS_POSTGRES") is { } postgres)
        {
            configuration["Gateway:Cluster:PostgresConnectionString"] = postgres;
        }
    }
}
