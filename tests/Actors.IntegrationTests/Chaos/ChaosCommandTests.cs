using Actors.Cli;
using Actors.Cli.Chaos;

namespace Actors.IntegrationTests.Chaos;

/// <summary>The chaos command's input handling and the parts of the engine that need no cluster.</summary>
public sealed class ChaosCommandTests
{
    private static async Task<(int Code, string Out, string Error)> RunCliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ActorsCli.RunAsync(args, new CliContext(output, error, _ => null), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_silo_path_that_does_not_exist_is_a_usage_error_before_anything_starts()
    {
        var (code, _, error) = await RunCliAsync("chaos", "--postgres", "Host=127.0.0.1;Database=x", "--silo", "/nonexistent/Actors.Silo.dll", "--duration", "5");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("/nonexistent/Actors.Silo.dll", error);
    }

    [Fact]
    public async Task Out_of_range_options_are_rejected()
    {
        var (code, _, error) = await RunCliAsync("chaos", "--silos", "0");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--silos", error);
    }

    [Fact]
    public void The_silo_named_by_the_environment_must_exist()
    {
        var failure = Assert.Throws<CliUsageException>(() => SiloExecutable.Resolve(null, name => name == SiloExecutable.EnvironmentVariable ? "/nope/silo" : null));

        Assert.Contains(SiloExecutable.EnvironmentVariable, failure.Message);
    }

    [Fact]
    public void A_dll_runs_under_dotnet_and_an_executable_runs_itself()
    {
        var assembly = new SiloExecutable("/opt/actors/Actors.Silo.dll").StartInfo(["--profile", "cluster"], "/tmp");
        var native = new SiloExecutable("/opt/actors/actors-silo").StartInfo(["--profile", "cluster"], "/tmp");

        Assert.Equal("dotnet", assembly.FileName);
        Assert.Equal(["/opt/actors/Actors.Silo.dll", "--profile", "cluster"], assembly.ArgumentList);
        Assert.Equal("/opt/actors/actors-silo", native.FileName);
        Assert.Equal(["--profile", "cluster"], native.ArgumentList);
    }

    [Fact]
    public void The_workload_repeats_and_confirms_only_what_was_acknowledged()
    {
        var settings = new ChaosSettings(3, TimeSpan.FromSeconds(1), TimeSpan.Zero, 1, Seed: 3, "Host=x", new SiloExecutable("/x"), "/tmp", false);
        var workload = new ChaosWorkload(settings, DateTimeOffset.UnixEpoch);
        var before = Enumerable.Range(0, 200).Select(_ => workload.Next()).ToList();
        Assert.DoesNotContain(before, o => o.IsDeliberateDuplicate || o.Kind == ChaosOperationKind.Confirm);

        foreach (var operation in before)
        {
            workload.Acknowledged(new Acknowledgement(operation, false, false, null, 1, DateTimeOffset.UnixEpoch));
        }
        var after = Enumerable.Range(0, 400).Select(_ => workload.Next()).ToList();
        var byId = before.ToDictionary(o => o.Id);

        Assert.Contains(after, o => o.IsDeliberateDuplicate);
        Assert.All(after.Where(o => o.IsDeliberateDuplicate), d => Assert.Equal(byId[d.DuplicateOf!.Value] with { Id = d.Id, DuplicateOf = d.DuplicateOf }, d));
        var held = before.Where(o => o.Kind == ChaosOperationKind.Reserve).Select(o => o.Source).ToHashSet();
        var confirms = after.Where(o => o.Kind == ChaosOperationKind.Confirm && !o.IsDeliberateDuplicate).ToList();
        Assert.NotEmpty(confirms);
        Assert.All(confirms, c => Assert.Contains(c.Source, held));
        Assert.Equal(confirms.Count, confirms.Select(c => c.Source).Distinct().Count());
        var originals = before.Concat(after).Where(o => !o.IsDeliberateDuplicate).ToList();
        Assert.Equal(originals.Count, originals.Select(o => o.OccurredAt).Distinct().Count());
        Assert.Equal(originals.Count, originals.Select(o => o.Key).Distinct().Count());
    }
}
