using Actors.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Actors.Tests.Fulfillment;

public sealed class FulfillmentHostingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "actors-tests", Guid.NewGuid().ToString("N"));

    public FulfillmentHostingTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("\"costPerUnit\": 400", "\"costPerUnit\": -4", "locations[0].lanes[0].costPerUnit")]
    [InlineData("\"id\": \"wh-a\"", "\"id\": \"wh a\"", "locations[0].id")]
    [InlineData("\"splitPenalty\": 500", "\"splitPenalty\": \"lots\"", "weights.splitPenalty")]
    public void A_malformed_network_file_stops_the_silo_naming_the_file_and_the_field(string good, string bad, string field)
    {
        Assert.Contains(good, TestNetwork.Json);
        var file = Path.Combine(_folder, "network.json");
        File.WriteAllText(file, TestNetwork.Json.Replace(good, bad));

        var error = Assert.Throws<InvalidOperationException>(() => Compose(new ActorsSiloOptions { Fulfillment = { NetworkFile = file } }));

        Assert.Contains(file, error.Message);
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Invalid_fulfillment_settings_stop_the_silo_naming_the_setting()
    {
        var file = Path.Combine(_folder, "network.json");
        File.WriteAllText(file, TestNetwork.Json);

        var error = Assert.Throws<OptionsValidationException>(() => Compose(new ActorsSiloOptions
        {
            Fulfillment = { NetworkFile = file, ResolveAttempts = -1, DecisionBudget = TimeSpan.Zero },
        }));

        Assert.Contains("Actors:Fulfillment:ResolveAttempts", error.Message);
        Assert.Contains("Actors:Fulfillment:DecisionBudget", error.Message);
    }

    [Fact]
    public void The_shipped_network_file_is_valid()
    {
        var shipped = ShippedNetworkFile();

        Compose(new ActorsSiloOptions { Fulfillment = { NetworkFile = shipped } });
    }

    /// <summary>cluster-config/fulfillment/network.json of this checkout, found by walking up from the test binaries.</summary>
    private static string ShippedNetworkFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "cluster-config", "fulfillment", "network.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"cluster-config/fulfillment/network.json not found above {AppContext.BaseDirectory}.");
    }

    private void Compose(ActorsSiloOptions options)
    {
        options.DataDirectory = _folder;
        options.HostProvidesMembership = true;
        Host.CreateApplicationBuilder().UseOrleans(silo => silo.AddActors(options));
    }
}
