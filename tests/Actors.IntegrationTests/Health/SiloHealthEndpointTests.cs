using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Actors.Client;
using Actors.Contracts.Health;
using Actors.Testing;

namespace Actors.IntegrationTests.Health;

/// <summary>
/// The silo executable's <c>/healthz</c>: JSON with indicators and the status in the body (a client-driven indicator such
/// as the duplicate rate turns it unhealthy without taking the silo out of a load balancer; <c>?strict=true</c> answers 503),
/// gauges on /metrics,
/// thresholds checked at start.
/// </summary>
public sealed class SiloHealthEndpointTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _data = Directory.CreateTempSubdirectory("actors-health-").FullName;

    [Fact]
    public async Task Healthz_answers_json_indicators_and_reports_an_unhealthy_duplicate_rate_in_its_body()
    {
        var environment = new Dictionary<string, string>
        {
            ["Actors__Health__Interval"] = "00:00:00.200",
            ["Actors__Health__Window"] = "00:01:00",
            ["Actors__Health__Thresholds__duplicate-rate__Degraded"] = "0.001",
            ["Actors__Health__Thresholds__duplicate-rate__Unhealthy"] = "0.002",
        };
        await using var silo = await SiloProcess.StartAsync(_data, FreePort.Next(), FreePort.Next(), FreePort.Next(), environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}") };

        using (var healthy = await http.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.Equal("application/json", healthy.Content.Headers.ContentType?.MediaType);
            using var body = JsonDocument.Parse(await healthy.Content.ReadAsStringAsync());
            Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("silo").GetString()));
            Assert.Equal(0, body.RootElement.GetProperty("reasons").GetArrayLength());
            var duplicate = body.RootElement.GetProperty("indicators").EnumerateArray()
                .Single(i => i.GetProperty("name").GetString() == HealthIndicatorNames.DuplicateRate);
            Assert.Equal(0.002, duplicate.GetProperty("unhealthyAt").GetDouble());
            Assert.Equal("healthy", duplicate.GetProperty("state").GetString());
        }

        await using (var client = await ActorsClient.ConnectAsync(new ActorsClientOptions { GatewayPort = silo.GatewayPort }))
        {
            await client.Billing.RecordUsageAsync("health", "acc-1", "m", 1, "api", quantity: 2, unitPriceMinor: 5);
            await client.Billing.RecordUsageAsync("health", "acc-1", "m", 1, "api", quantity: 2, unitPriceMinor: 5);
        }

        var (status, text) = await UntilAsync(http, body => body.Contains("\"status\":\"unhealthy\"", StringComparison.Ordinal));
        using var unhealthy = JsonDocument.Parse(text);
        Assert.Equal(HttpStatusCode.OK, status);
        using (var strict = await http.GetAsync("/healthz?strict=true"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, strict.StatusCode);
        }
        Assert.Equal("unhealthy", unhealthy.RootElement.GetProperty("status").GetString());
        Assert.Contains(unhealthy.RootElement.GetProperty("reasons").EnumerateArray(),
            r => r.GetString()!.StartsWith("duplicate-rate is 50 %, at or above its unhealthy threshold", StringComparison.Ordinal));

        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("actors_health_status", metrics);
        Assert.Contains("actors_health_duplicate_rate", metrics);
    }

    [Fact]
    public async Task A_threshold_out_of_range_stops_the_silo_at_start_naming_the_setting()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _data,
        };
        start.ArgumentList.Add(RepositoryLayout.SiloAssembly);
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(_data);
        start.Environment["Actors__Health__Thresholds__error-rate__Degraded"] = "9";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Deadline);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}; stdout: {await stdout}; stderr: {await stderr}");
        Assert.Contains("Actors:Health:Thresholds:error-rate:Unhealthy must be a number not below Actors:Health:Thresholds:error-rate:Degraded (9)", await stderr);
    }

    private static async Task<(HttpStatusCode Status, string Body)> UntilAsync(HttpClient http, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            using var response = await http.GetAsync("/healthz");
            var body = await response.Content.ReadAsStringAsync();
            if (done(body))
            {
                return (response.StatusCode, body);
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"/healthz did not reach the expected status within {Deadline}; last: {(int)response.StatusCode} {body}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
