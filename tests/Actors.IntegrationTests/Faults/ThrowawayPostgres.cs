using System.Diagnostics;
using Actors.Testing;

namespace Actors.IntegrationTests.Faults;

/// <summary>
/// A PostgreSQL server of the test's own (cluster-config/scripts/start-postgres.sh on a free port), so a test can stop
/// and start the database under a running cluster without touching the server other tests share.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _directory;

    private ThrowawayPostgres(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string to the server's <c>actors</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>Makes and starts a new server on a free port.</summary>
    public static async Task<ThrowawayPostgres> StartAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"actors-pg-{Guid.NewGuid():N}");
        var output = await RunScriptAsync("start-postgres.sh", [directory, FreePort.Next().ToString()], cancellationToken);
        var connectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        return new ThrowawayPostgres(directory, connectionString);
    }

    /// <summary>Stops the server the way an operator's restart does (fast shutdown: open sessions are cut).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => RunScriptAsync("stop-postgres.sh", [_directory], cancellationToken);

    /// <summary>Starts the stopped server again on the same port with the same data.</summary>
    public Task RestartAsync(CancellationToken cancellationToken)
    {
        var port = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Port;
        return RunScriptAsync("start-postgres.sh", [_directory, port.ToString()], cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<string> RunScriptAsync(string script, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryLayout.Root, "cluster-config", "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
        }
        return await stdout;
    }
}
