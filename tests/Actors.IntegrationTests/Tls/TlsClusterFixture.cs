using Actors.Client;
using Actors.IntegrationTests.OrleansSchema;
using Actors.Testing;

namespace Actors.IntegrationTests.Tls;

/// <summary>
/// Two <c>cluster</c>-profile silo processes with TLS (certificates from make-dev-certs.sh) and HTTP authentication, on a
/// fresh PostgreSQL database; shared by the TLS and HTTP tests because starting silos is the slow part.
/// </summary>
public sealed class TlsClusterFixture : IAsyncLifetime
{
    public const string HttpUser = "ops";
    public const string HttpPassword = "dashboard-secret";
    public const string ApiKey = "scraper-key-0123456789";

    private readonly List<SiloProcess> _silos = [];

    public string Root { get; } = Directory.CreateTempSubdirectory("actors-tls-").FullName;

    public string ClusterId { get; } = $"tls-{Guid.NewGuid():N}"[..16];

    public DevCertificates Certificates { get; private set; } = null!;

    public FreshPostgresDatabase Database { get; private set; } = null!;

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public async Task InitializeAsync()
    {
        Database = await FreshPostgresDatabase.CreateAsync(CancellationToken.None);
        Certificates = await DevCertificates.MakeAsync(Path.Combine(Root, "certs"), "it-password", CancellationToken.None);
        var environment = new Dictionary<string, string>(Certificates.SiloEnvironment())
        {
            [$"Actors__Http__Users__{HttpUser}"] = HttpPassword,
            ["Actors__Http__ApiKeys__0"] = ApiKey,
        };
        // Started together to halve the fixture's start-up; joining each other is the first silo-to-silo TLS handshake.
        var starting = new[] { StartSiloAsync("a", environment), StartSiloAsync("b", environment) };
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            _silos.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
        }
    }

    /// <summary>Starts a cluster-profile silo in this fixture's cluster with <paramref name="environment"/>.</summary>
    public Task<SiloProcess> StartSiloAsync(string name, IReadOnlyDictionary<string, string> environment) =>
        SiloProcess.StartAsync(Directory.CreateDirectory(Path.Combine(Root, name)).FullName, FreePort.Next(), FreePort.Next(), FreePort.Next(),
            environment,
            ["--profile", "cluster", "--postgres", Database.ConnectionString, "--advertise", "127.0.0.1", "--cluster-id", ClusterId]);

    /// <summary>Client options for this cluster; TLS settings are left to the test.</summary>
    public ActorsClientOptions ClientOptions(TimeSpan connectTimeout) => new()
    {
        Profile = ClusterProfile.Cluster,
        PostgresConnectionString = Database.ConnectionString,
        ClusterId = ClusterId,
        ConnectTimeout = connectTimeout,
        TlsCertificateFile = null,
        TlsCertificatePassword = null,
        TlsCaFile = null,
    };

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
        Directory.Delete(Root, recursive: true);
    }
}
