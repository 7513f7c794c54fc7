using System.Text.Json;
using Actors.Cli.Commands;
using Actors.Contracts;
using Actors.Contracts.Health;
using Actors.Hosting.Health;
using Actors.Streaming.Lanes;
using Actors.Tests.Billing;
using Actors.Tests.Cli;
using Actors.Tests.Clusters;
using Actors.Domain.Billing;

namespace Actors.Tests.Health;

/// <summary>
/// Health on a running silo: it turns degraded when the DLQ grows or a lane stops moving past its threshold, says why,
/// reaches the SDK and <c>actors status</c>, and turns healthy again once the condition is gone.
/// </summary>
public sealed class HealthClusterTests(HealthSiloFixture fixture) : IClassFixture<HealthSiloFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private Task<ClusterHealthReport> ReadAsync() => fixture.Client.Health.GetStatusAsync();

    private Task<ClusterHealthReport> HealthyAsync() =>
        Eventually.Until(ReadAsync, r => r.Status == HealthState.Healthy && r.Silos.Count == 1, Deadline, "a healthy cluster with its silo reporting");

    [Fact]
    public async Task Dlq_growth_over_its_threshold_degrades_the_silo_and_it_recovers_after_the_window()
    {
        await HealthyAsync();
        var queue = fixture.Service<ILaneDeadLetterQueue>();
        var envelope = BillingEnvelopeCodec.ToEnvelope("t1", "acc-" + Guid.NewGuid().ToString("N")[..8], Events.Payment("bank", 1, amount: 5));
        await queue.AddAsync(LaneNames.Critical, envelope, "poison for the health test", CancellationToken.None);

        var degraded = await Eventually.Until(ReadAsync, r => r.Status == HealthState.Degraded, Deadline, "degraded after a dead letter");
        var growth = degraded.Indicators.Single(i => i.Name == HealthIndicatorNames.DlqGrowth);
        Assert.Equal(HealthState.Degraded, growth.State);
        Assert.True(growth.Value >= 1, growth.ToString());
        Assert.Equal(1, growth.DegradedAt);
        Assert.Contains(degraded.Reasons, r => r.Contains("dlq-growth", StringComparison.Ordinal) && r.Contains("critical +1", StringComparison.Ordinal));
        Assert.Equal(HealthState.Degraded, fixture.Service<SiloHealthMonitor>().Latest!.Status);

        var recovered = await HealthyAsync();
        Assert.Equal(0, recovered.Indicators.Single(i => i.Name == HealthIndicatorNames.DlqGrowth).Value);
        Assert.Empty(recovered.Reasons);
    }

    [Fact]
    public async Task A_lane_whose_consumer_stopped_degrades_on_backlog_age_and_recovers_when_it_moves()
    {
        await HealthyAsync();
        fixture.Stall.Start();
        try
        {
            var degraded = await Eventually.Until(ReadAsync, r => r.Status == HealthState.Degraded, Deadline, "degraded by a stuck critical lane");
            var lag = degraded.Indicators.Single(i => i.Name == HealthIndicatorNames.CriticalLaneLag);
            Assert.Equal(HealthState.Degraded, lag.State);
            Assert.True(lag.Value >= 1, lag.ToString());
            Assert.Equal("s", lag.Unit);
            Assert.Contains(degraded.Reasons, r => r.Contains("critical-lane-lag", StringComparison.Ordinal));
        }
        finally
        {
            fixture.Stall.Stop();
        }
        var recovered = await HealthyAsync();
        Assert.Equal(HealthState.Healthy, recovered.Indicators.Single(i => i.Name == HealthIndicatorNames.CriticalLaneLag).State);
    }

    [Fact]
    public async Task Status_prints_the_indicators_as_json_and_exits_by_the_clusters_state()
    {
        await HealthyAsync();

        var healthy = await CliRun.StartAsync([.. fixture.Connection, "--json", "status"]);

        Assert.True(healthy.ExitCode == StatusExitCodes.Healthy, healthy.ToString());
        using (var json = JsonDocument.Parse(healthy.Stdout))
        {
            Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
            var names = json.RootElement.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
            Assert.Equal(HealthIndicatorNames.All, names);
            var silo = Assert.Single(json.RootElement.GetProperty("silos").EnumerateArray());
            Assert.Equal("healthy", silo.GetProperty("status").GetString());
        }

        fixture.Stall.Start();
        try
        {
            await Eventually.Until(ReadAsync, r => r.Status == HealthState.Degraded, Deadline, "degraded by a stuck critical lane");
            var degraded = await CliRun.StartAsync([.. fixture.Connection, "status"]);

            Assert.True(degraded.ExitCode == StatusExitCodes.Degraded, degraded.ToString());
            Assert.Contains("cluster: degraded", degraded.Stdout);
            Assert.Contains("critical-lane-lag", degraded.Stdout);
            Assert.Contains("- ", degraded.Stdout);
        }
        finally
        {
            fixture.Stall.Stop();
        }
        await HealthyAsync();
    }

    [Fact]
    public async Task The_silos_report_serializes_as_the_healthz_body()
    {
        var report = await fixture.Service<SiloHealthMonitor>().CurrentAsync(CancellationToken.None);

        using var json = JsonDocument.Parse(SiloHealthJson.Serialize(report));

        Assert.Equal(report.Status.ToString().ToLowerInvariant(), json.RootElement.GetProperty("status").GetString());
        Assert.Equal(report.SiloName, json.RootElement.GetProperty("silo").GetString());
        var first = json.RootElement.GetProperty("indicators")[0];
        Assert.Equal(HealthIndicatorNames.ErrorRate, first.GetProperty("name").GetString());
        foreach (var property in new[] { "value", "unit", "degradedAt", "unhealthyAt", "state" })
        {
            Assert.True(first.TryGetProperty(property, out _), $"indicator JSON lacks {property}: {first}");
        }
    }
}
