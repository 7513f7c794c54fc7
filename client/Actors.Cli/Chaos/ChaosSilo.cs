using System.Diagnostics;
using System.Text;

namespace Actors.Cli.Chaos;

/// <summary>
/// One silo process of the chaos cluster. It keeps its ports and data directory across restarts, as a machine that
/// crashed and came back would, so a restart is the same silo in a new generation.
/// </summary>
public sealed class ChaosSilo : IAsyncDisposable
{
    private const int MaxKeptOutput = 64 * 1024;
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(200);

    private readonly SiloExecutable _executable;
    private readonly IReadOnlyList<string> _arguments;
    private readonly StringBuilder _output = new();
    private readonly string _dashboardPassword;
    private Process? _process;

    /// <summary>Describes silo number <paramref name="index"/>; nothing is started until <see cref="StartAsync"/>.</summary>
    public ChaosSilo(int index, SiloExecutable executable, string dataDirectory, string postgres, string clusterId, string dashboardPassword)
    {
        _dashboardPassword = dashboardPassword;
        Index = index;
        _executable = executable;
        DataDirectory = Directory.CreateDirectory(dataDirectory).FullName;
        SiloPort = FreeTcpPort.Next();
        GatewayPort = FreeTcpPort.Next();
        HttpPort = FreeTcpPort.Next();
        _arguments =
        [
            "--data", DataDirectory, "--silo-port", SiloPort.ToString(), "--gateway-port", GatewayPort.ToString(),
            "--urls", $"http://127.0.0.1:{HttpPort}", "--profile", "cluster", "--postgres", postgres,
            "--advertise", "127.0.0.1", "--cluster-id", clusterId,
        ];
    }

    /// <summary>The HTTP Basic user of the silo's dashboard during a chaos run.</summary>
    public const string DashboardUser = "chaos";

    /// <summary>1-based number of the silo in its cluster.</summary>
    public int Index { get; }

    /// <summary>The silo's data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; }

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; }

    /// <summary>HTTP port (health, dashboard).</summary>
    public int HttpPort { get; }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the silo wrote (stdout and stderr), for failure reports.</summary>
    public string RecentOutput
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>Starts the process and waits until <c>/healthz</c> answers 2xx.</summary>
    /// <exception cref="InvalidOperationException">when the process exits before it is healthy.</exception>
    /// <exception cref="TimeoutException">when it is not healthy within <paramref name="timeout"/>.</exception>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"silo {Index} is already running.");
        }
        _process?.Dispose();
        var start = _executable.StartInfo(_arguments, DataDirectory);
        // The cluster profile guards /dashboard and /metrics: one run-local user lets an operator (or a screenshot
        // script) watch the run without a password in the process list.
        start.Environment[$"Actors__Http__Users__{DashboardUser}"] = _dashboardPassword;
        var process = Process.Start(start)
            ?? throw new InvalidOperationException($"silo {Index} could not be started ({_executable.Path}).");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitHealthyAsync(process, timeout, cancellationToken);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no leaving the cluster.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the silo: SIGINT first so it leaves the cluster, SIGKILL when it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        using (var interrupt = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString()]) { UseShellExecute = false }))
        {
            if (interrupt is not null)
            {
                await interrupt.WaitForExitAsync();
            }
        }
        using var deadline = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // It did not leave in time: the end of the run must not wait on it.
            await KillAsync();
        }
    }

    /// <summary>Kills the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private async Task WaitHealthyAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"silo {Index} exited with {process.ExitCode} before becoming healthy:\n{RecentOutput}");
            }
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{HttpPort}/healthz", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: keep polling until the deadline.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The 2 s request timeout while the machine is busy starting silos: poll again.
            }
            await Task.Delay(HealthPollInterval, cancellationToken);
        }
        throw new TimeoutException($"silo {Index} not healthy after {timeout}:\n{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > MaxKeptOutput)
            {
                _output.Remove(0, _output.Length - MaxKeptOutput / 2);
            }
        }
    }
}
