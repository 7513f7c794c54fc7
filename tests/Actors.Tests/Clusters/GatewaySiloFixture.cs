using Actors.Client;
using Actors.Hosting;
using Actors.Tests.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Tests.Clusters;

/// <summary>
/// A real local-profile silo in this process, composed by <see cref="ActorsSiloBuilderExtensions.AddActors"/> on SQLite in a
/// temporary folder and listening on free localhost ports, so both an SDK client and the CLI reach it through its gateway
/// (the in-process test cluster's in-memory transport is closed to other clients). Derived fixtures write their own price
/// plans into <see cref="PricingDirectory"/> and adjust the options.
/// </summary>
public abstract class GatewaySiloFixture : IAsyncLifetime
{
    private IHost? _silo;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "actors-tests", Guid.NewGuid().ToString("N"));

    public string PricingDirectory => Path.Combine(DataDirectory, "pricing");

    public string ClusterId { get; } = $"gateway-{Guid.NewGuid():N}"[..24];

    public int GatewayPort { get; } = SilentGateway.UnusedPort();

    public ActorsClient Client { get; private set; } = null!;

    public IClusterClient Grains => Client.ClusterClient;

    /// <summary>A service of the silo (a store, to inject a fault past the grains).</summary>
    public T Service<T>() where T : notnull => _silo!.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(PricingDirectory);
        foreach (var (file, json) in PricePlans())
        {
            await File.WriteAllTextAsync(Path.Combine(PricingDirectory, file), json);
        }

        // An empty builder: the test process's appsettings and environment must not change the silo.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var options = new ActorsSiloOptions
        {
            Profile = ActorsProfile.Local,
            DataDirectory = DataDirectory,
            SiloPort = SilentGateway.UnusedPort(),
            GatewayPort = GatewayPort,
            ClusterId = ClusterId,
            Invoicing = { PricingDirectory = PricingDirectory },
        };
        Configure(options);
        builder.UseOrleans(silo => silo.AddActors(options));
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

    /// <summary>The price plan files (name, JSON) written into <see cref="PricingDirectory"/> before the silo starts.</summary>
    protected abstract IEnumerable<(string File, string Json)> PricePlans();

    /// <summary>Adjusts the silo's options (invoicing defaults, batch sizes, schedules).</summary>
    protected abstract void Configure(ActorsSiloOptions options);
}
