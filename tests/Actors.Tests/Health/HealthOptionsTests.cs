using Actors.Contracts.Health;
using Actors.Hosting.Health;
using Microsoft.Extensions.Configuration;

namespace Actors.Tests.Health;

/// <summary><c>Actors:Health</c> is read over the defaults and refused, naming the setting, when it is wrong.</summary>
public sealed class HealthOptionsTests
{
    private static HealthOptions Read(params (string Key, string Value)[] settings) =>
        HealthOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    private static string Refused(params (string Key, string Value)[] settings) =>
        Assert.Throws<InvalidOperationException>(() => Read(settings)).Message;

    [Fact]
    public void Without_settings_every_indicator_has_its_default()
    {
        var options = Read();

        Assert.Equal(TimeSpan.FromSeconds(5), options.Interval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Window);
        Assert.Equal(HealthIndicatorNames.All.Order(), options.Thresholds.Keys.Order());
        Assert.Equal(new HealthThreshold(1, 100), options.ThresholdOf(HealthIndicatorNames.DlqGrowth));
    }

    [Fact]
    public void A_configured_threshold_replaces_only_what_it_sets()
    {
        var options = Read(
            ("Actors:Health:Interval", "00:00:01"),
            ("Actors:Health:Thresholds:critical-lane-lag:Degraded", "2.5"),
            ("Actors:Health:Thresholds:error-rate:Degraded", "0.1"),
            ("Actors:Health:Thresholds:error-rate:Unhealthy", "0.2"));

        Assert.Equal(TimeSpan.FromSeconds(1), options.Interval);
        Assert.Equal(new HealthThreshold(2.5, 300), options.ThresholdOf(HealthIndicatorNames.CriticalLaneLag));
        Assert.Equal(new HealthThreshold(0.1, 0.2), options.ThresholdOf(HealthIndicatorNames.ErrorRate));
    }

    [Fact]
    public void Degraded_above_unhealthy_is_refused_naming_both_settings()
    {
        var message = Refused(("Actors:Health:Thresholds:error-rate:Degraded", "7"));

        Assert.Contains("Actors:Health:Thresholds:error-rate:Unhealthy", message);
        Assert.Contains("Actors:Health:Thresholds:error-rate:Degraded (7)", message);
    }

    [Fact]
    public void An_unknown_indicator_is_refused_listing_the_known_ones()
    {
        var message = Refused(("Actors:Health:Thresholds:latency:Degraded", "1"));

        Assert.Contains("Actors:Health:Thresholds:latency is not a health indicator", message);
        Assert.Contains(HealthIndicatorNames.ProjectionRebuildTime, message);
    }

    [Theory]
    [InlineData("Actors:Health:Thresholds:dlq-growth:Degraded", "lots", "Actors:Health:Thresholds:dlq-growth:Degraded must be a number")]
    [InlineData("Actors:Health:Thresholds:dlq-growth:Degraded", "0", "Actors:Health:Thresholds:dlq-growth:Degraded must be a number greater than 0")]
    [InlineData("Actors:Health:Thresholds:dlq-growth:Warn", "3", "Actors:Health:Thresholds:dlq-growth:Warn is not a threshold")]
    [InlineData("Actors:Health:Interval", "soon", "Actors:Health:Interval must be a duration")]
    [InlineData("Actors:Health:Interval", "00:00:00.010", "Actors:Health:Interval must be between")]
    [InlineData("Actors:Health:Window", "00:00:01", "Actors:Health:Window must be at least Actors:Health:Interval")]
    public void A_malformed_or_out_of_range_setting_is_refused_by_name(string key, string value, string expected) =>
        Assert.Contains(expected, Refused((key, value)));

    [Fact]
    public void Options_built_in_code_are_validated_too()
    {
        var options = new HealthOptions();
        options.Thresholds[HealthIndicatorNames.ProjectionLag] = new HealthThreshold(-1, 10);

        var message = Assert.Throws<InvalidOperationException>(options.Validate).Message;

        Assert.Contains("Actors:Health:Thresholds:projection-lag:Degraded", message);
    }
}
