using Actors.Grains.Fulfillment;
using Actors.Hosting;
using Actors.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.Tests.Fulfillment;

/// <summary>
/// A one-silo in-process cluster composed by <see cref="ActorsSiloBuilderExtensions.AddActors"/> (local profile, SQLite in a
/// temporary folder) with <see cref="TestNetwork"/> as its fulfillment network, the given decision budget, two re-solves, and
/// the <see cref="StockTakingOfferReader"/> seam registered so tests can move stock between read and reserve.
/// </summary>
public abstract class FulfillmentCluster : IAsyncLifetime
{
    /// <summary>Re-solves allowed after the first attempt (three attempts in all).</summary>
    public const int ResolveAttempts = 2;

    private readonly TimeSpan _budget;

    protected FulfillmentCluster(TimeSpan budget) => _budget = budget;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "actors-tests", Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    internal StockTakeover Takeover { get; } = new();

    /// <summary>The silo's ledger store, to check what an order's ledger holds.</summary>
    public ILedgerStore Ledger => Cluster.Silos[0].ServiceProvider.GetRequiredService<ILedgerStore>();

    /// <summary>The silo's ledger writer, to plant rows a crashed placement would have left.</summary>
    public ILedgerWriter LedgerWriter => Cluster.Silos[0].ServiceProvider.GetRequiredService<ILedgerWriter>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var networkFile = Path.Combine(DataDirectory, "network.json");
        await File.WriteAllTextAsync(networkFile, TestNetwork.Json);

        var builder = new InProcessTestClusterBuilder(1);
        var dataDirectory = DataDirectory;
        var budget = _budget;
        var takeover = Takeover;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddActors(new ActorsSiloOptions
            {
                Profile = ActorsProfile.Local,
                DataDirectory = dataDirectory,
                HostProvidesMembership = true,
                Fulfillment = { NetworkFile = networkFile, DecisionBudget = budget, ResolveAttempts = ResolveAttempts },
            });
            silo.Services.AddSingleton<IStockOfferReader>(sp => new StockTakingOfferReader(
                new StockGrainOfferReader(sp.GetRequiredService<IGrainFactory>()), sp.GetRequiredService<IGrainFactory>(), takeover));
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
