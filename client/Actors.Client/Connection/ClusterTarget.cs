using Npgsql;

namespace Actors.Client.Connection;

/// <summary>Names what a client is trying to reach, for error messages; never includes credentials.</summary>
internal static class ClusterTarget
{
    public static string Describe(ActorsClientOptions options) => options.Profile switch
    {
        ClusterProfile.Local => $"gateway localhost:{options.GatewayPort} (cluster '{options.EffectiveClusterId}')",
        ClusterProfile.Cluster => $"PostgreSQL membership {DescribePostgres(options.PostgresConnectionString)} (cluster '{options.EffectiveClusterId}')",
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Profile, "Unknown cluster profile."),
    };

    private static string DescribePostgres(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "(no connection string)";
        }

        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        return $"Host={parsed.Host};Port={parsed.Port};Database={parsed.Database}";
    }
}
