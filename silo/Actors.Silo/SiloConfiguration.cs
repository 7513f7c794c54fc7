using Microsoft.Extensions.Configuration;

namespace Actors.Silo;

/// <summary>
/// Layers the silo's configuration: <c>cluster-config/appsettings.json</c>, then the profile's file, then environment
/// variables (<c>Actors__Profile=cluster</c>), then command-line arguments. The profile has to be known before its file can be
/// chosen, so it is read from the higher layers first.
/// </summary>
internal static class SiloConfiguration
{
    /// <summary>Short command-line switches for the settings people change most.</summary>
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--profile"] = "Actors:Profile",
        ["--data"] = "Actors:DataDirectory",
        ["--postgres"] = "Actors:PostgresConnectionString",
        ["--silo-port"] = "Actors:SiloPort",
        ["--gateway-port"] = "Actors:GatewayPort",
        ["--advertise"] = "Actors:AdvertisedAddress",
        ["--cluster-id"] = "Actors:ClusterId",
        ["--urls"] = "Urls",
    };

    public static void Apply(ConfigurationManager configuration, string[] args)
    {
        var configDirectory = Path.Combine(AppContext.BaseDirectory, "cluster-config");
        var early = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args, Switches).Build();
        var profile = (early["Actors:Profile"] ?? "local").ToLowerInvariant();

        configuration.Sources.Clear();
        configuration
            .AddJsonFile(Path.Combine(configDirectory, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(configDirectory, $"appsettings.{profile}.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args, Switches);

        if (configuration["Actors:PostgresConnectionString"] is null && Environment.GetEnvironmentVariable("ACTORS_POSTGRES") is { } postgres)
        {
            configuration["Actors:PostgresConnectionString"] = postgres;
        }
    }
}
