using Actors.Grains.Detection;
using Actors.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.Tests.Detection;

/// <summary>
/// An in-process cluster composed by <see cref="ActorsSiloBuilderExtensions.AddActors"/> (local profile, embedded lanes)
/// with the detection rules of <see cref="Rules"/> and a <see cref="RecordingAlertPublisher"/> on every silo.
/// </summary>
public sealed class DetectionClusterFixture : IAsyncLifetime
{
    /// <summary>The rules the tests run: the shipped brute-force rule, and a deny list.</summary>
    public const string Rules = """
        { "rules": [
          { "rule": "brute-force-login", "event": "LoginAttempt", "match": { "success": false }, "groupBy": "principal",
            "threshold": 5, "window": "00:01:00", "severity": "high" },
          { "rule": "credential-dumping-tool", "event": "ProcessStarted", "match": { "processName": ["mimikatz.exe"] }, "groupBy": "host",
            "threshold": 1, "window": "00:10:00", "severity": "critical" } ] }
        """;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "actors-tests", Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>Every alert published by any silo so far.</summary>
    internal IReadOnlyList<PublishedAlert> Alerts => Publishers.SelectMany(p => p.Published).ToList();

    /// <summary>The alert publisher of every silo.</summary>
    internal IEnumerable<RecordingAlertPublisher> Publishers =>
        Cluster.Silos.Select(s => (RecordingAlertPublisher)s.ServiceProvider.GetRequiredService<IAlertPublisher>());

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var rulesFile = Path.Combine(DataDirectory, "rules.json");
        await File.WriteAllTextAsync(rulesFile, Rules);
        var dataDirectory = DataDirectory;
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            // Registered before AddActors, whose TryAdd then keeps it.
            silo.Services.AddSingleton<IAlertPublisher>(sp => new RecordingAlertPublisher(sp.GetRequiredService<IGrainFactory>()));
            silo.AddActors(new ActorsSiloOptions
            {
                Profile = ActorsProfile.Local,
                DataDirectory = dataDirectory,
                HostProvidesMembership = true,
                Detection = { RulesFile = rulesFile },
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException ex)
        {
            // A leftover temp folder is harmless; say so rather than fail a passing test run.
            Console.Error.WriteLine($"could not remove {DataDirectory}: {ex.Message}");
        }
    }
}
