using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Client;

/// <summary>Where the cluster is and how patiently to talk to it.</summary>
public sealed class ActorsClientOptions
{
    /// <summary>Environment variable that supplies <see cref="PostgresConnectionString"/> when it is not set explicitly.</summary>
    public const string PostgresEnvironmentVariable = "ACTORS_POSTGRES";

    /// <summary>Environment variable that supplies <see cref="TlsCertificateFile"/> when it is not set explicitly.</summary>
    public const string TlsCertificateEnvironmentVariable = "ACTORS_TLS_CERT";

    /// <summary>Environment variable that supplies <see cref="TlsCertificatePassword"/> when it is not set explicitly.</summary>
    public const string TlsPasswordEnvironmentVariable = "ACTORS_TLS_KEY_PASSWORD";

    /// <summary>Environment variable that supplies <see cref="TlsCaFile"/> when it is not set explicitly.</summary>
    public const string TlsCaEnvironmentVariable = "ACTORS_TLS_CA";

    /// <summary>Gateway port of a <see cref="ClusterProfile.Local"/> silo unless configured otherwise.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>The service id every Actors silo uses.</summary>
    public const string DefaultServiceId = "actors";

    /// <summary>Cluster id of the single silo started by the <c>local</c> profile.</summary>
    public const string DefaultLocalClusterId = "actors-local";

    /// <summary>Cluster id of the silos started by the <c>cluster</c> profile.</summary>
    public const string DefaultClusterClusterId = "actors";

    /// <summary>Which way gateways are found. Default <see cref="ClusterProfile.Local"/>.</summary>
    public ClusterProfile Profile { get; set; } = ClusterProfile.Local;

    /// <summary>Gateway port on localhost for the <see cref="ClusterProfile.Local"/> profile. Default 30000.</summary>
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    /// <summary>
    /// PostgreSQL connection string of the membership database, for the <see cref="ClusterProfile.Cluster"/> profile.
    /// Defaults to the <c>ACTORS_POSTGRES</c> environment variable.
    /// </summary>
    public string? PostgresConnectionString { get; set; } = Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);

    /// <summary>Orleans cluster id; <see langword="null"/> means the profile's default (<c>actors-local</c> or <c>actors</c>).</summary>
    public string? ClusterId { get; set; }

    /// <summary>Orleans service id. Default <c>actors</c>.</summary>
    public string ServiceId { get; set; } = DefaultServiceId;

    /// <summary>
    /// PKCS#12 (<c>.pfx</c>) file with this client's certificate and private key, signed by the cluster's CA; a cluster whose
    /// silos run TLS admits only clients that present one. Defaults to <c>ACTORS_TLS_CERT</c>.
    /// </summary>
    public string? TlsCertificateFile { get; set; } = Environment.GetEnvironmentVariable(TlsCertificateEnvironmentVariable);

    /// <summary>Password of <see cref="TlsCertificateFile"/>. Defaults to <c>ACTORS_TLS_KEY_PASSWORD</c>.</summary>
    public string? TlsCertificatePassword { get; set; } = Environment.GetEnvironmentVariable(TlsPasswordEnvironmentVariable);

    /// <summary>
    /// PEM file with the CA that signs the silos' certificates. Setting it (or <see cref="TlsCertificateFile"/>) makes the
    /// client talk TLS, trusting only silos whose certificate chains to this CA. Defaults to <c>ACTORS_TLS_CA</c>.
    /// </summary>
    public string? TlsCaFile { get; set; } = Environment.GetEnvironmentVariable(TlsCaEnvironmentVariable);

    /// <summary>Whether the client connects with TLS: a certificate or a CA file is configured.</summary>
    public bool TlsEnabled => !string.IsNullOrWhiteSpace(TlsCertificateFile) || !string.IsNullOrWhiteSpace(TlsCaFile);

    /// <summary>
    /// How long <see cref="ActorsClient.ConnectAsync"/> keeps trying before it throws
    /// <see cref="ClusterUnavailableException"/>. Default 15 s.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long one call waits for its answer before it fails with <see cref="TimeoutException"/> (and is retried).
    /// A call in flight when its silo dies only ends this way. Default 30 s, as in Orleans.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between two connection attempts while connecting. Default 500 ms.</summary>
    public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Retry policy for calls after the client is connected.</summary>
    public ActorsRetryOptions Retry { get; set; } = new();

    /// <summary>Clock used for default <c>occurredAt</c> values. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Optional logging set-up for the Orleans client; by default nothing is logged.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>The cluster id in effect: <see cref="ClusterId"/> or the profile's default.</summary>
    public string EffectiveClusterId =>
        ClusterId ?? (Profile == ClusterProfile.Local ? DefaultLocalClusterId : DefaultClusterClusterId);

    /// <summary>Throws <see cref="ArgumentException"/> naming what is missing or malformed for connecting.</summary>
    /// <exception cref="ArgumentException">for a port out of range, the cluster profile without a usable connection string, a non-positive timeout, a negative retry count, or TLS without a CA file or with a missing file.</exception>
    public void Validate()
    {
        if (Profile == ClusterProfile.Local && GatewayPort is < 1 or > 65535)
        {
            throw new ArgumentException($"Gateway port {GatewayPort} is not a TCP port (1-65535).");
        }
        if (Profile == ClusterProfile.Cluster)
        {
            if (string.IsNullOrWhiteSpace(PostgresConnectionString))
            {
                throw new ArgumentException(
                    $"The cluster profile needs a PostgreSQL connection string: set PostgresConnectionString or {PostgresEnvironmentVariable}.");
            }
            try
            {
                _ = new NpgsqlConnectionStringBuilder(PostgresConnectionString);
            }
            catch (ArgumentException malformed)
            {
                throw new ArgumentException($"The PostgreSQL connection string is malformed: {malformed.Message}", malformed);
            }
        }
        if (TlsEnabled)
        {
            if (string.IsNullOrWhiteSpace(TlsCaFile))
            {
                throw new ArgumentException(
                    $"TLS needs the CA that signed the silos' certificates: set TlsCaFile (CLI --tls-ca, or {TlsCaEnvironmentVariable}).");
            }
            if (!File.Exists(TlsCaFile))
            {
                throw new ArgumentException($"The TLS CA file '{TlsCaFile}' does not exist.");
            }
            if (!string.IsNullOrWhiteSpace(TlsCertificateFile) && !File.Exists(TlsCertificateFile))
            {
                throw new ArgumentException($"The TLS certificate file '{TlsCertificateFile}' does not exist.");
            }
        }
        if (ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ConnectTimeout must be positive (was {ConnectTimeout}).");
        }
        if (ResponseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ResponseTimeout must be positive (was {ResponseTimeout}).");
        }
        if (Retry.MaxRetryAttempts < 0)
        {
            throw new ArgumentException($"Retry.MaxRetryAttempts must not be negative (was {Retry.MaxRetryAttempts}).");
        }
    }
}
