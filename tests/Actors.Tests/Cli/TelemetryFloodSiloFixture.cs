using Actors.Hosting;
using Actors.Tests.Clusters;
using Actors.Tests.Detection;

namespace Actors.Tests.Cli;

/// <summary>A gateway silo for the telemetry-flood demo: the test detection rules (the shipped brute-force rule among them), no price plans.</summary>
public sealed class TelemetryFloodSiloFixture : GatewaySiloFixture
{
    protected override IEnumerable<(string File, string Json)> PricePlans() => [];

    protected override void Configure(ActorsSiloOptions options)
    {
        Directory.CreateDirectory(DataDirectory);
        var rulesFile = Path.Combine(DataDirectory, "rules.json");
        File.WriteAllText(rulesFile, DetectionClusterFixture.Rules);
        options.Detection.RulesFile = rulesFile;
    }
}
