using System.Diagnostics;
using Actors.Client;
using Actors.Contracts.Errors;
using Actors.Testing;

namespace Actors.IntegrationTests.Faults;

/// <summary>
/// A full disk gives the caller a clear, typed error, never a silent drop: a local-profile silo whose data directory is
/// on a small tmpfs refuses a write once the disk is full (nothing written), and applies the same event once space is
/// freed. Needs root (to mount the tmpfs), as tests/run has.
/// </summary>
public sealed class FullDiskTests : IAsyncLifetime
{
    private readonly string _mount = Path.Combine(Path.GetTempPath(), $"actors-fulldisk-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_mount);
        // Room for the silo's databases at start and a little traffic; the test fills the rest itself.
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", _mount);
    }

    public async Task DisposeAsync()
    {
        await RunAsync("umount", "-l", _mount);
        Directory.Delete(_mount, recursive: true);
    }

    [Fact]
    public async Task A_full_disk_refuses_with_a_clear_error_and_nothing_is_dropped()
    {
        var data = Directory.CreateDirectory(Path.Combine(_mount, "data")).FullName;
        await using var silo = await SiloProcess.StartAsync(data, FreePort.Next(), FreePort.Next(), FreePort.Next());
        await using var client = await ActorsClient.ConnectAsync(new ActorsClientOptions { GatewayPort = silo.GatewayPort });
        for (var seq = 1; seq <= 5; seq++)
        {
            await client.Billing.RecordUsageAsync("disk", "acc-1", "loadgen", seq, "api", quantity: seq, unitPriceMinor: 1);
        }

        var filler = Path.Combine(_mount, "filler");
        await FillAsync(filler);
        var refused = await Assert.ThrowsAsync<StoreRefusedException>(() =>
            client.Billing.RecordUsageAsync("disk", "acc-1", "loadgen", 6, "api", quantity: 6, unitPriceMinor: 1));
        Assert.Contains("SQLite", refused.Message);
        Assert.Contains("nothing was written", refused.Message);

        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}") })
        {
            var metrics = await http.GetStringAsync("/metrics");
            Assert.Contains(metrics.Split('\n'), line => line.StartsWith("actors_store_failures", StringComparison.Ordinal) && line.Contains("kind=\"refused\"", StringComparison.Ordinal));
        }

        File.Delete(filler);
        var applied = await client.Billing.RecordUsageAsync("disk", "acc-1", "loadgen", 6, "api", quantity: 6, unitPriceMinor: 1);
        Assert.False(applied.Duplicate);
        var ledger = await client.Billing.GetLedgerAsync("disk", "acc-1", fromPosition: 1, max: 100);
        Assert.Equal([1L, 2, 3, 4, 5, 6], ledger.Select(r => r.Seq));
        Assert.Equal(21, (await client.Billing.GetBalanceAsync("disk", "acc-1")).BalanceMinor["USD"]);
    }

    // Writes until the file system says it is full: what is left is less than one block.
    private static async Task FillAsync(string path)
    {
        var block = new byte[64 * 1024];
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                await file.WriteAsync(block);
            }
        }
        catch (IOException full) when (full.HResult == 28 || full.Message.Contains("No space left", StringComparison.Ordinal))
        {
            // ENOSPC is the condition this loop waits for.
        }
        // Smaller writes take what the 64 KiB ones could not.
        try
        {
            while (true)
            {
                await file.WriteAsync(block.AsMemory(0, 512));
            }
        }
        catch (IOException full) when (full.HResult == 28 || full.Message.Contains("No space left", StringComparison.Ordinal))
        {
            // Full to the last 512 bytes.
        }
    }

    private static async Task RunAsync(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited {process.ExitCode} (this test needs root to mount a tmpfs): {await error}");
        }
    }
}
