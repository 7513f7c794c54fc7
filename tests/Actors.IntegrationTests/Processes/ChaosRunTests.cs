using Actors.Cli.Chaos;
using Actors.Testing;

namespace Actors.IntegrationTests.Processes;

/// <summary>
/// Item 4 of the faults issue end to end: three cluster silo processes on PostgreSQL under mixed load, random silos
/// SIGKILLed and restarted, and the acknowledgement log verified against ledgers, stock, cases and reconciliation.
/// </summary>
public sealed class ChaosRunTests : IDisposable
{
    private const string ServerVariable = "ACTORS_TEST_POSTGRES";

    private readonly string _runDirectory = Directory.CreateTempSubdirectory("actors-chaos-").FullName;

    [Fact]
    public async Task Three_silos_killed_under_load_lose_nothing_acknowledged_and_apply_nothing_twice()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        Assert.False(string.IsNullOrWhiteSpace(server),
            $"{ServerVariable} is not set. This test needs a PostgreSQL server: run tests/run, or export " +
            $"{ServerVariable}='Host=127.0.0.1;Port=55432;Username=postgres;Database=actors'.");
        var settings = new ChaosSettings(
            Silos: 3,
            Duration: TimeSpan.FromSeconds(14),
            KillEvery: TimeSpan.FromSeconds(7),
            OperationsPerSecond: 30,
            Seed: 7,
            PostgresServer: server!,
            Silo: new SiloExecutable(RepositoryLayout.SiloAssembly),
            RunDirectory: _runDirectory,
            DropDatabase: true);
        var phases = new List<string>();

        var report = await new ChaosRun(settings).RunAsync(p => phases.Add(p.Phase), CancellationToken.None);

        var failed = string.Join("\n", report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}"));
        Assert.True(report.KillsSurvived >= 1, $"no kill survived: {string.Join("; ", report.Kills)}");
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.AppliedTwice);
        Assert.True(report.EventsAcknowledged > 50, $"only {report.EventsAcknowledged} events acknowledged");
        Assert.True(report.DuplicatesSent > 0 && report.DuplicatesAnswered == report.DuplicatesSent,
            $"{report.DuplicatesSent} duplicates sent, {report.DuplicatesAnswered} answered as duplicates");
        Assert.True(report.Passed, failed);
        Assert.Contains("load", phases);
        // One JSON line per answered call: every applied event plus every deliberate duplicate (and refused reservations).
        Assert.True(File.ReadLines(report.AcknowledgementLog).Count() >= report.EventsAcknowledged + report.DuplicatesAnswered);
    }

    public void Dispose() => Directory.Delete(_runDirectory, recursive: true);
}
