using System.CommandLine;
using Actors.Client;

namespace Actors.Cli.Connection;

/// <summary>Turns the global options into <see cref="ActorsClientOptions"/> and connects; the one place commands get a client.</summary>
public sealed class ClusterConnectionFactory(GlobalOptions globals, CliContext context)
{
    /// <summary>The SDK options the command line asks for.</summary>
    /// <exception cref="CliUsageException">when the options cannot work together (e.g. cluster profile without a connection string).</exception>
    public ActorsClientOptions CreateOptions(ParseResult parse)
    {
        var profile = parse.GetValue(globals.Profile) == "cluster" ? ClusterProfile.Cluster : ClusterProfile.Local;
        var postgres = parse.GetValue(globals.Postgres);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            postgres = context.GetEnvironmentVariable(ActorsClientOptions.PostgresEnvironmentVariable);
        }

        if (profile == ClusterProfile.Cluster && string.IsNullOrWhiteSpace(postgres))
        {
            throw new CliUsageException(
                $"--profile cluster needs the membership database: pass --postgres \"Host=...;Username=...;Database=...\" or set {ActorsClientOptions.PostgresEnvironmentVariable}.");
        }

        var options = new ActorsClientOptions
        {
            Profile = profile,
            GatewayPort = parse.GetValue(globals.GatewayPort),
            PostgresConnectionString = postgres,
            ClusterId = parse.GetValue(globals.ClusterId),
            ConnectTimeout = TimeSpan.FromSeconds(parse.GetValue(globals.ConnectTimeout)),
            ResponseTimeout = TimeSpan.FromSeconds(parse.GetValue(globals.ResponseTimeout)),
            TlsCertificateFile = parse.GetValue(globals.TlsCert) ?? context.GetEnvironmentVariable(ActorsClientOptions.TlsCertificateEnvironmentVariable),
            TlsCertificatePassword = parse.GetValue(globals.TlsKeyPassword) ?? context.GetEnvironmentVariable(ActorsClientOptions.TlsPasswordEnvironmentVariable),
            TlsCaFile = parse.GetValue(globals.TlsCa) ?? context.GetEnvironmentVariable(ActorsClientOptions.TlsCaEnvironmentVariable),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException invalid)
        {
            throw new CliUsageException(invalid.Message, invalid);
        }
        return options;
    }

    /// <summary>Connects with the options from <paramref name="parse"/>.</summary>
    /// <exception cref="CliUsageException">for unusable options.</exception>
    /// <exception cref="ClusterUnavailableException">when the cluster cannot be reached within the connect timeout.</exception>
    public Task<ActorsClient> ConnectAsync(ParseResult parse, CancellationToken cancellationToken) =>
        ActorsClient.ConnectAsync(CreateOptions(parse), cancellationToken);
}
