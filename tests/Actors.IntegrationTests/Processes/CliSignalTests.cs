using System.Diagnostics;
using System.Text;
using Actors.Testing;

namespace Actors.IntegrationTests.Processes;

/// <summary>
/// A process using the SDK keeps its own signals: SIGTERM (a container stop) and SIGINT (Ctrl-C) end <c>actors status
/// --watch</c> promptly with 128 + the signal number, instead of being swallowed by the SDK's internal client host.
/// </summary>
public sealed class CliSignalTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("actors-signal-").FullName;

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_watching_cli_stops_on_a_signal(string signal, int expectedExit)
    {
        await using var silo = await SiloProcess.StartAsync(_data, FreePort.Next(), FreePort.Next(), FreePort.Next());
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { RepositoryLayout.CliAssembly, "--gateway-port", silo.GatewayPort.ToString(), "status", "--watch", "--interval", "1s" })
        {
            start.ArgumentList.Add(argument);
        }
        using var cli = Process.Start(start)!;
        var output = new StringBuilder();
        var firstReport = new TaskCompletionSource();
        cli.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
            if (line.Data?.StartsWith("cluster:", StringComparison.Ordinal) == true)
            {
                firstReport.TrySetResult();
            }
        };
        cli.ErrorDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        };
        cli.BeginOutputReadLine();
        cli.BeginErrorReadLine();
        try
        {
            await firstReport.Task.WaitAsync(TimeSpan.FromSeconds(60));

            using (var kill = Process.Start("kill", [$"-{signal}", cli.Id.ToString()]))
            {
                await kill.WaitForExitAsync();
            }
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await cli.WaitForExitAsync(deadline.Token);

            // 128 + the signal number, as shells report a process ended by it.
            Assert.True(cli.ExitCode == expectedExit, $"exit {cli.ExitCode}:\n{output}");
        }
        finally
        {
            if (!cli.HasExited)
            {
                cli.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
