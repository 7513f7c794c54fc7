using Actors.Grains.Detection;
using Actors.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Actors.Tests.Detection;

/// <summary>The rules file is read when the silo is composed: a bad one stops the start naming the file and the field.</summary>
public sealed class DetectionHostingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "actors-tests", Guid.NewGuid().ToString("N"));

    public DetectionHostingTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("\"threshold\": 5", "\"threshold\": -5", "rules[0].threshold")]
    [InlineData("\"window\": \"00:01:00\"", "\"window\": \"1 minute\"", "rules[0].window")]
    [InlineData("\"success\": false", "\"succes\": false", "rules[0].match.succes")]
    public void A_malformed_rules_file_stops_the_silo_naming_the_file_and_the_field(string good, string bad, string field)
    {
        Assert.Contains(good, DetectionClusterFixture.Rules);
        var file = Path.Combine(_folder, "rules.json");
        File.WriteAllText(file, DetectionClusterFixture.Rules.Replace(good, bad));

        var error = Assert.Throws<InvalidOperationException>(() => Compose(new ActorsSiloOptions { Detection = { RulesFile = file } }));

        Assert.Contains(file, error.Message);
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void An_empty_rules_file_setting_stops_the_silo_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Compose(new ActorsSiloOptions { Detection = { RulesFile = " " } }));

        Assert.Contains("Actors:Detection:RulesFile", error.Message);
    }

    [Fact]
    public void The_shipped_rules_load_and_a_missing_file_leaves_detectors_without_rules_saying_where_it_looked()
    {
        var shipped = Compose(new ActorsSiloOptions { Detection = { RulesFile = ShippedRulesFile() } });
        var missing = Compose(new ActorsSiloOptions { Detection = { RulesFile = Path.Combine(_folder, "none.json") } });

        Assert.Equal(3, shipped.Rules.Rules.Count);
        Assert.Null(shipped.Unavailable);
        Assert.Empty(missing.Rules.Rules);
        Assert.Contains(Path.Combine(_folder, "none.json"), missing.Unavailable);
    }

    /// <summary>cluster-config/detection/rules.json of this checkout, found by walking up from the test binaries.</summary>
    private static string ShippedRulesFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "cluster-config", "detection", "rules.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"cluster-config/detection/rules.json not found above {AppContext.BaseDirectory}.");
    }

    private ConfiguredDetectionRules Compose(ActorsSiloOptions options)
    {
        options.DataDirectory = _folder;
        options.HostProvidesMembership = true;
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.AddActors(options));
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<ConfiguredDetectionRules>();
    }
}
