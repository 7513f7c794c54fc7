using System.CommandLine;
using Actors.Client;

namespace Actors.Cli;

/// <summary>Options every command accepts: where the cluster is, how to authenticate to it and how to print.</summary>
public sealed class GlobalOptions
{
    /// <summary><c>--profile local|cluster</c>.</summary>
    public Option<string> Profile { get; } = new Option<string>("--profile")
    {
        Description = "How to find the cluster: local (one silo on localhost) or cluster (PostgreSQL membership).",
        DefaultValueFactory = _ => "local",
        Recursive = true,
    }.AcceptOnlyFromAmong("local", "cluster");

    /// <summary><c>--gateway-port</c> of a local silo.</summary>
    public Option<int> GatewayPort { get; } = new("--gateway-port")
    {
        Description = "Gateway port of the local silo.",
        DefaultValueFactory = _ => ActorsClientOptions.DefaultGatewayPort,
        Recursive = true,
        Validators = { OptionRange.Between(1, 65535) },
    };

    /// <summary><c>--postgres</c> membership connection string for the cluster profile.</summary>
    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = $"PostgreSQL connection string of the cluster's membership database (default: ${ActorsClientOptions.PostgresEnvironmentVariable}).",
        Recursive = true,
    };

    /// <summary><c>--cluster-id</c>, for silos started with a cluster id other than their profile's default.</summary>
    public Option<string?> ClusterId { get; } = new("--cluster-id")
    {
        Description = $"Orleans cluster id (default: {ActorsClientOptions.DefaultLocalClusterId} for local, {ActorsClientOptions.DefaultClusterClusterId} for cluster).",
        Recursive = true,
    };

    /// <summary><c>--connect-timeout</c> in seconds.</summary>
    public Option<double> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "Seconds to keep trying to reach the cluster before giving up with exit code 3.",
        DefaultValueFactory = _ => 5,
        Recursive = true,
        Validators = { OptionRange.Between(0.1, 3600.0) },
    };

    /// <summary><c>--response-timeout</c> in seconds.</summary>
    public Option<double> ResponseTimeout { get; } = new("--response-timeout")
    {
        Description = "Seconds one call waits for its answer before it is retried (a call in flight when a silo dies ends only this way).",
        DefaultValueFactory = _ => 30,
        Recursive = true,
        Validators = { OptionRange.Between(0.1, 3600.0) },
    };

    /// <summary><c>--tls-cert</c>: the client certificate (.pfx) for a cluster that runs TLS.</summary>
    public Option<string?> TlsCert { get; } = new("--tls-cert")
    {
        Description = $"Client certificate (PKCS#12 .pfx, signed by the cluster's CA) for a TLS cluster (default: ${ActorsClientOptions.TlsCertificateEnvironmentVariable}).",
        Recursive = true,
    };

    /// <summary><c>--tls-key-password</c>: password of <see cref="TlsCert"/>.</summary>
    public Option<string?> TlsKeyPassword { get; } = new("--tls-key-password")
    {
        Description = $"Password of the --tls-cert file; prefer ${ActorsClientOptions.TlsPasswordEnvironmentVariable}, which stays out of the process list.",
        Recursive = true,
    };

    /// <summary><c>--tls-ca</c>: the CA (PEM) that signs the silos' certificates.</summary>
    public Option<string?> TlsCa { get; } = new("--tls-ca")
    {
        Description = $"CA certificate (PEM) the silos' certificates must chain to; turns TLS on (default: ${ActorsClientOptions.TlsCaEnvironmentVariable}).",
        Recursive = true,
    };

    /// <summary><c>--json</c>: machine-readable output.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document instead of text.",
        Recursive = true,
    };

    /// <summary>Adds every global option to <paramref name="root"/>; they are recursive, so subcommands inherit them.</summary>
    public void AddTo(RootCommand root)
    {
        root.Options.Add(Profile);
        root.Options.Add(GatewayPort);
        root.Options.Add(Postgres);
        root.Options.Add(ClusterId);
        root.Options.Add(ConnectTimeout);
        root.Options.Add(ResponseTimeout);
        root.Options.Add(TlsCert);
        root.Options.Add(TlsKeyPassword);
        root.Options.Add(TlsCa);
        root.Options.Add(Json);
    }
}
