using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Actors.Client;
using Actors.IntegrationTests.OrleansSchema;
using Actors.Testing;

namespace Actors.IntegrationTests.Processes;

/// <summary>
/// <c>cluster-config/scripts/start-cluster.sh 2</c> brings up two active silos and the gateway on a fresh PostgreSQL database,
/// and <c>stop-cluster.sh</c> stops every process it started.
/// </summary>
public sealed class StartClusterScriptTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("actors-start-cluster-").FullName;
    private readonly string _clusterId = $"sc-{Guid.NewGuid():N}"[..16];
    private FreshPostgresDatabase _database = null!;
    private Dictionary<string, string> _environment = null!;

    public async Task InitializeAsync()
    {
        _database = await FreshPostgresDatabase.CreateAsync(CancellationToken.None);
        _environment = new Dictionary<string, string>
        {
            ["ACTORS_POSTGRES"] = _database.ConnectionString,
            ["ACTORS_CLUSTER_STATE"] = _state,
            ["ACTORS_CLUSTER_ID"] = _clusterId,
            ["ACTORS_SKIP_BUILD"] = "1",
            ["ACTORS_CONFIGURATION"] = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug",
            ["ACTORS_SILO_PORT_BASE"] = FreePortPair().ToString(),
            ["ACTORS_GATEWAY_PORT_BASE"] = FreePortPair().ToString(),
            ["ACTORS_HTTP_PORT_BASE"] = FreePortPair().ToString(),
            ["ACTORS_GATEWAY_HTTP_PORT"] = FreePort.Next().ToString(),
            ["ACTORS_STOP_TIMEOUT"] = "20",
        };
    }

    public async Task DisposeAsync()
    {
        // Whatever the test's outcome, no silo may outlive it.
        await RunScriptAsync("stop-cluster.sh", []);
        await _database.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task Two_silos_become_active_members_and_stop_leaves_no_process()
    {
        var started = await RunScriptAsync("start-cluster.sh", ["2"]);
        Assert.True(started.ExitCode == 0, $"start-cluster.sh failed ({started.ExitCode}):\n{started.Output}\n{Logs()}");
        Assert.Contains("is up: 2 silo(s) and the HTTP gateway", started.Output);
        Assert.Contains($"/dashboard/", started.Output);
        Assert.Contains("stop-cluster.sh", started.Output);
        var pids = Directory.GetFiles(Path.Combine(_state, "pids"), "*.pid").Select(f => int.Parse(File.ReadAllText(f).Trim())).ToList();
        Assert.Equal(3, pids.Count);

        await using (var client = await ActorsClient.ConnectAsync(new ActorsClientOptions
        {
            Profile = ClusterProfile.Cluster,
            PostgresConnectionString = _database.ConnectionString,
            ClusterId = _clusterId,
        }))
        {
            var hosts = await client.ClusterClient.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.Equal(2, hosts.Count);
            var ports = hosts.Keys.Select(s => s.Endpoint.Port).Order().ToList();
            var siloBase = int.Parse(_environment["ACTORS_SILO_PORT_BASE"]);
            Assert.Equal([siloBase, siloBase + 1], ports);

            var outcome = await client.Billing.RecordUsageAsync("script", "acc-1", "m", 1, "api", quantity: 3, unitPriceMinor: 5);
            Assert.False(outcome.Duplicate);
        }

        var again = await RunScriptAsync("start-cluster.sh", ["2"]);
        Assert.True(again.ExitCode == 0, $"a second start-cluster.sh failed ({again.ExitCode}):\n{again.Output}");
        Assert.Contains("silo 0 already running", again.Output);

        var stopped = await RunScriptAsync("stop-cluster.sh", []);
        Assert.True(stopped.ExitCode == 0, $"stop-cluster.sh failed ({stopped.ExitCode}):\n{stopped.Output}");
        var survivors = pids.Where(IsRunning).ToList();
        Assert.True(survivors.Count == 0, $"still running after stop-cluster.sh: {string.Join(", ", survivors)}");
        Assert.DoesNotContain("SIGKILL", stopped.Output);
    }

    // A zombie (exited, not yet reaped by whoever inherited it) holds no port and runs no code: it counts as stopped.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }
        string text;
        try
        {
            text = File.ReadAllText(stat);
        }
        catch (IOException)
        {
            // The entry vanished between the two calls: the process was reaped.
            return false;
        }
        var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state is not ("Z" or "X");
    }

    private string Logs() =>
        string.Join("\n", Directory.Exists(Path.Combine(_state, "logs"))
            ? Directory.GetFiles(Path.Combine(_state, "logs")).Select(f => $"--- {f}\n{string.Join("\n", File.ReadLines(f).TakeLast(30))}")
            : []);

    private async Task<(int ExitCode, string Output)> RunScriptAsync(string script, string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryLayout.Root,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryLayout.Root, "cluster-config", "scripts", script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    // The script puts silo i on base+i: both ports of the pair must be free.
    private static int FreePortPair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = FreePort.Next();
            if (candidate < IPEndPoint.MaxPort && CanBind(candidate + 1))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("no two adjacent free ports found in 50 attempts");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
