using Actors.Client;
using Actors.Testing;

namespace Actors.IntegrationTests.Processes;

/// <summary>The silo executable as an operator meets it: health, dashboard, metrics, Ctrl-C.</summary>
public sealed class SiloHostTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("actors-host-").FullName;

    [Fact]
    public async Task Serves_health_dashboard_and_metrics_and_shuts_down_gracefully_on_ctrl_c()
    {
        await using var silo = await SiloProcess.StartAsync(_data, FreePort.Next(), FreePort.Next(), FreePort.Next());
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}") };

        Assert.Contains("\"status\":\"healthy\"", await http.GetStringAsync("/healthz"));
        var dashboard = await http.GetAsync("/dashboard/");
        Assert.True(dashboard.IsSuccessStatusCode, $"dashboard answered {dashboard.StatusCode}");
        Assert.Contains("<html", await dashboard.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await using (var client = await ActorsClient.ConnectAsync(new ActorsClientOptions { GatewayPort = silo.GatewayPort }))
        {
            await client.Billing.RecordUsageAsync("host", "acc-1", "m", 1, "api", quantity: 2, unitPriceMinor: 5);
            await client.Billing.RecordUsageAsync("host", "acc-1", "m", 1, "api", quantity: 2, unitPriceMinor: 5);
        }

        // The OpenTelemetry reader exports on scrape; both of our counters and Orleans' own meter must be there.
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("actors_events_recorded", metrics);
        Assert.Contains("actors_events_duplicates", metrics);
        Assert.Contains("actors_ledger_batch_size", metrics);
        Assert.Contains("orleans_", metrics);

        Assert.Equal(0, await silo.InterruptAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Application is shutting down", silo.Output);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
