using System.Diagnostics;
using System.Text;

namespace Actors.Testing;

/// <summary>
/// The real silo executable started as a child process, so tests can kill it with SIGKILL like an operator's `kill -9`
/// or a crashing machine would.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, int httpPort, int gatewayPort)
    {
        _process = process;
        HttpPort = httpPort;
        GatewayPort = gatewayPort;
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int HttpPort { get; }

    public int GatewayPort { get; }

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>The arguments of a <c>cluster</c>-profile silo on this machine: PostgreSQL, loopback advertised, its cluster id.</summary>
    public static string[] ClusterProfileArguments(string postgres, string clusterId) =>
        ["--profile", "cluster", "--postgres", postgres, "--advertise", "127.0.0.1", "--cluster-id", clusterId];

    public static async Task<SiloProcess> StartAsync(string dataDirectory, int siloPort, int gatewayPort, int httpPort,
        IReadOnlyDictionary<string, string>? environment = null, string[]? extraArgs = null, CancellationToken cancellationToken = default,
        TimeSpan? startTimeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        start.ArgumentList.Add(RepositoryLayout.SiloAssembly);
        foreach (var (flag, value) in new[]
                 {
                     ("--data", dataDirectory), ("--silo-port", siloPort.ToString()), ("--gateway-port", gatewayPort.ToString()),
                     ("--urls", $"http://127.0.0.1:{httpPort}"),
                 })
        {
            start.ArgumentList.Add(flag);
            start.ArgumentList.Add(value);
        }
        foreach (var arg in extraArgs ?? [])
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var silo = new SiloProcess(Process.Start(start)!, httpPort, gatewayPort);
        try
        {
            await silo.WaitHealthyAsync(startTimeout ?? TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            // A silo that never became healthy must not outlive the test that started it.
            await silo.DisposeAsync();
            throw;
        }
        return silo;
    }

    /// <summary>Polls /healthz until it answers 200, the process exits, or the deadline passes.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"silo exited with {_process.ExitCode} before becoming healthy:\n{Output}");
            }
            try
            {
                var response = await http.GetAsync($"http://127.0.0.1:{HttpPort}/healthz", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the poll continues until the deadline.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The 2 s request timeout on a loaded machine: still starting, poll again until the deadline.
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
        throw new TimeoutException($"silo not healthy after {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no deactivation.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGINT, as Ctrl-C in a terminal: the silo should deactivate its grains, leave the cluster and exit 0.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }
}
