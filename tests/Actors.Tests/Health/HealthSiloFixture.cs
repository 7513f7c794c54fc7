using Actors.Client;
using Actors.Contracts.Health;
using Actors.Hosting;
using Actors.Hosting.Health;
using Actors.Streaming.Lanes;
using Actors.Tests.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Tests.Health;

/// <summary>
/// A real local-profile silo on free localhost ports (so the SDK and the CLI reach it through its gateway) whose health is
/// evaluated every 200 ms over a 3 s window, with low lane thresholds the tests cross on purpose.
/// </summary>
/// <remarks>
/// The per-silo indicators (error, duplicate and mismatch rates, critical-lane latency) read the process-wide <c>Actors</c>
/// meter, which other test classes running in parallel also feed; their thresholds are set out of reach so only what
/// these tests inject can change the status.
/// </remarks>
public sealed class HealthSiloFixture : IAsyncLifetime
{
    private const double OutOfReach = 1e12;
    private IHost? _silo;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "actors-tests", Guid.NewGuid().ToString("N"));

    public string ClusterId { get; } = $"health-{Guid.NewGuid():N}"[..24];

    public int GatewayPort { get; } = SilentGateway.UnusedPort();

    public LaneStall Stall { get; } = new();

    public ActorsClient Client { get; private set; } = null!;

    public HealthOptions Health { get; } = CreateHealthOptions();

    public string[] Connection => ["--gateway-port", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cluster-id", ClusterId, "--connect-timeout", "10"];

    /// <summary>A service of the silo.</summary>
    public T Service<T>() where T : notnull => _silo!.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        var pricing = Path.Combine(DataDirectory, "pricing");
        Directory.CreateDirectory(pricing);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var options = new ActorsSiloOptions
        {
            Profile = ActorsProfile.Local,
            DataDirectory = DataDirectory,
            SiloPort = SilentGateway.UnusedPort(),
            GatewayPort = GatewayPort,
            ClusterId = ClusterId,
            Invoicing = { PricingDirectory = pricing },
        };
        builder.UseOrleans(silo =>
        {
            silo.AddActors(options);
            silo.Services.AddSingleton(Health);
            var real = silo.Services.Last(d => d.ServiceType == typeof(ILaneStatusSource));
            silo.Services.AddSingleton<ILaneStatusSource>(sp => new StallableLaneStatusSource(
                real.ImplementationFactory is { } factory ? (ILaneStatusSource)factory(sp) : (ILaneStatusSource)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!),
                Stall));
        });
        _silo = builder.Build();
        await _silo.StartAsync();
        Client = await ActorsClient.ConnectAsync(new ActorsClientOptions { GatewayPort = GatewayPort, ClusterId = ClusterId });
    }

    public async Task DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }
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

    private static HealthOptions CreateHealthOptions()
    {
        var health = new HealthOptions { Interval = TimeSpan.FromMilliseconds(200), Window = TimeSpan.FromSeconds(3) };
        health.Thresholds[HealthIndicatorNames.CriticalLaneLag] = new HealthThreshold(1, 3_600);
        health.Thresholds[HealthIndicatorNames.DlqGrowth] = new HealthThreshold(1, 1_000);
        foreach (var shared in new[]
        {
            HealthIndicatorNames.ErrorRate, HealthIndicatorNames.DuplicateRate, HealthIndicatorNames.ReconciliationMismatchRate,
            HealthIndicatorNames.CriticalLaneLatency,
        })
        {
            health.Thresholds[shared] = new HealthThreshold(OutOfReach, OutOfReach);
        }
        return health;
    }
}
