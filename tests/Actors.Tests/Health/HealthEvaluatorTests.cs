using Actors.Contracts.Health;
using Actors.Hosting.Health;
using Actors.Streaming.Lanes;

namespace Actors.Tests.Health;

/// <summary>The evaluator's rules on fixed readings: how values are computed, how thresholds give states, what the status says.</summary>
public sealed class HealthEvaluatorTests
{
    private static readonly HealthOptions Defaults = new();

    [Theory]
    [InlineData(0.99, HealthState.Healthy)]
    [InlineData(1.0, HealthState.Degraded)]
    [InlineData(4.99, HealthState.Degraded)]
    [InlineData(5.0, HealthState.Unhealthy)]
    [InlineData(80.0, HealthState.Unhealthy)]
    public void A_value_at_or_above_a_threshold_is_in_its_state(double value, HealthState expected) =>
        Assert.Equal(expected, HealthEvaluator.StateOf(value, new HealthThreshold(1, 5)));

    [Fact]
    public void Rates_are_percent_of_their_whole_and_zero_over_nothing()
    {
        var measured = HealthEvaluator.Measure(HealthReports.Readings(HealthReports.Meter(
            recorded: 90, duplicates: 10, batches: 195, failedBatches: 5, accountsChecked: 0, mismatches: 0, latencySamples: 40, p99: 12.34)));

        var byName = measured.ToDictionary(m => m.Name);
        Assert.Equal(2.5, byName[HealthIndicatorNames.ErrorRate].Value);
        Assert.Equal("5 of 200 ledger batches failed", byName[HealthIndicatorNames.ErrorRate].Detail);
        Assert.Equal(10, byName[HealthIndicatorNames.DuplicateRate].Value);
        Assert.Equal(0, byName[HealthIndicatorNames.ReconciliationMismatchRate].Value);
        Assert.Equal(12.3, byName[HealthIndicatorNames.CriticalLaneLatency].Value);
        Assert.Equal("ms", byName[HealthIndicatorNames.CriticalLaneLatency].Unit);
    }

    [Fact]
    public void Without_lanes_or_projections_their_indicators_are_left_out()
    {
        var names = HealthEvaluator.Measure(HealthReports.Readings()).Select(m => m.Name).ToList();

        Assert.Equal(
            [HealthIndicatorNames.ErrorRate, HealthIndicatorNames.CriticalLaneLatency, HealthIndicatorNames.DuplicateRate, HealthIndicatorNames.ReconciliationMismatchRate],
            names);
    }

    [Fact]
    public void Every_indicator_is_measured_in_catalog_order_when_every_source_is_read()
    {
        var readings = HealthReports.Readings(
            lanes: new Dictionary<string, LaneBacklogAge>
            {
                [LaneNames.Critical] = new(LaneNames.Critical, 42, 7, 1),
                [LaneNames.Bulk] = new(LaneNames.Bulk, 0, 0, null),
            },
            deadLetters: new Dictionary<string, long> { [LaneNames.Critical] = 2, [LaneNames.Bulk] = 3 },
            projections: new ProjectionHealthReading(12_000, "balances", 30, "balances v2 completed"));

        var measured = HealthEvaluator.Measure(readings).ToDictionary(m => m.Name);

        Assert.Equal(HealthIndicatorNames.All, HealthEvaluator.Measure(readings).Select(m => m.Name));
        Assert.Equal(42, measured[HealthIndicatorNames.CriticalLaneLag].Value);
        Assert.Contains("7 pending on critical", measured[HealthIndicatorNames.CriticalLaneLag].Detail);
        Assert.Equal(0, measured[HealthIndicatorNames.BulkLaneLag].Value);
        Assert.Equal(5, measured[HealthIndicatorNames.DlqGrowth].Value);
        Assert.Equal("bulk +3, critical +2", measured[HealthIndicatorNames.DlqGrowth].Detail);
        Assert.Equal(12_000, measured[HealthIndicatorNames.ProjectionLag].Value);
        Assert.Equal(30, measured[HealthIndicatorNames.ProjectionRebuildTime].Value);
        Assert.Equal(HealthEvaluator.ClusterScope, measured[HealthIndicatorNames.ProjectionLag].Scope);
    }

    [Fact]
    public void The_worst_indicator_sets_the_status_and_each_one_over_a_threshold_is_a_reason()
    {
        var readings = HealthReports.Readings(
            HealthReports.Meter(recorded: 40, duplicates: 60, batches: 100),
            lanes: new Dictionary<string, LaneBacklogAge> { [LaneNames.Critical] = new(LaneNames.Critical, 45, 3, 0) },
            deadLetters: new Dictionary<string, long> { [LaneNames.Critical] = 0 });

        var (status, reasons, indicators) = HealthEvaluator.Evaluate(HealthEvaluator.Measure(readings), [], Defaults);

        Assert.Equal(HealthState.Unhealthy, status);
        Assert.Equal(HealthState.Unhealthy, indicators.Single(i => i.Name == HealthIndicatorNames.DuplicateRate).State);
        var lag = indicators.Single(i => i.Name == HealthIndicatorNames.CriticalLaneLag);
        Assert.Equal((HealthState.Degraded, 30.0, 300.0), (lag.State, lag.DegradedAt, lag.UnhealthyAt));
        Assert.Equal(2, reasons.Count);
        Assert.Contains(reasons, r => r.StartsWith("duplicate-rate is 60 %, at or above its unhealthy threshold 50 %", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("critical-lane-lag is 45 s, at or above its degraded threshold 30 s", StringComparison.Ordinal));
    }

    [Fact]
    public void All_below_their_thresholds_is_healthy_with_no_reasons()
    {
        var (status, reasons, indicators) = HealthEvaluator.Evaluate(
            HealthEvaluator.Measure(HealthReports.Readings(HealthReports.Meter(recorded: 1000, duplicates: 5, batches: 500))), [], Defaults);

        Assert.Equal(HealthState.Healthy, status);
        Assert.Empty(reasons);
        Assert.All(indicators, i => Assert.Equal(HealthState.Healthy, i.State));
    }

    [Fact]
    public void A_source_that_could_not_be_read_degrades_and_is_named()
    {
        var (status, reasons, _) = HealthEvaluator.Evaluate(
            HealthEvaluator.Measure(HealthReports.Readings()), ["lanes: their status could not be read (broker down)"], Defaults);

        Assert.Equal(HealthState.Degraded, status);
        Assert.Equal(["lanes: their status could not be read (broker down)"], reasons);
    }

    [Fact]
    public void Configured_thresholds_are_the_ones_applied_and_reported()
    {
        var options = new HealthOptions();
        options.Thresholds[HealthIndicatorNames.ErrorRate] = new HealthThreshold(0.5, 0.75);

        var (status, _, indicators) = HealthEvaluator.Evaluate(
            HealthEvaluator.Measure(HealthReports.Readings(HealthReports.Meter(batches: 99, failedBatches: 1))), [], options);

        var error = indicators.Single(i => i.Name == HealthIndicatorNames.ErrorRate);
        Assert.Equal((1.0, 0.5, 0.75, HealthState.Unhealthy), (error.Value, error.DegradedAt, error.UnhealthyAt, error.State));
        Assert.Equal(HealthState.Unhealthy, status);
    }

    [Theory]
    [InlineData(HealthState.Healthy, false, 200)]
    [InlineData(HealthState.Degraded, false, 200)]
    [InlineData(HealthState.Unhealthy, false, 200)]
    [InlineData(HealthState.Healthy, true, 200)]
    [InlineData(HealthState.Degraded, true, 200)]
    [InlineData(HealthState.Unhealthy, true, 503)]
    public void Healthz_answers_the_verdict_in_its_body_and_503_for_unhealthy_only_when_strict(HealthState status, bool strict, int expected) =>
        Assert.Equal(expected, SiloHealthJson.HttpStatus(HealthReports.Silo("s1", status), strict));

    [Fact]
    public void Healthz_while_starting_says_so_without_indicators()
    {
        using var json = System.Text.Json.JsonDocument.Parse(SiloHealthJson.Starting("silo-a"));

        Assert.Equal("starting", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("silo-a", json.RootElement.GetProperty("silo").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("indicators").GetArrayLength());
    }
}
