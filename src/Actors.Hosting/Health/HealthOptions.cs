using System.Globalization;
using Actors.Contracts.Health;
using Microsoft.Extensions.Configuration;

namespace Actors.Hosting.Health;

/// <summary>
/// Settings of the health indicators (section <c>Actors:Health</c>): how often each silo evaluates and reports them, the
/// window rates and growth are measured over, and each indicator's thresholds
/// (<c>Actors:Health:Thresholds:&lt;indicator&gt;:Degraded</c> / <c>:Unhealthy</c>).
/// </summary>
public sealed class HealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Actors:Health";

    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxWindow = TimeSpan.FromHours(1);

    /// <summary>Time between two evaluations (and reports to the cluster) of a silo's indicators.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The recent window error, duplicate and mismatch rates, latency and DLQ growth are measured over.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Thresholds per indicator name (see <see cref="HealthIndicatorNames"/>); starts with <see cref="DefaultThresholds"/>.</summary>
    public Dictionary<string, HealthThreshold> Thresholds { get; } = new(DefaultThresholds, StringComparer.Ordinal);

    /// <summary>The thresholds an indicator has unless configured.</summary>
    public static IReadOnlyDictionary<string, HealthThreshold> DefaultThresholds { get; } = new Dictionary<string, HealthThreshold>(StringComparer.Ordinal)
    {
        [HealthIndicatorNames.ErrorRate] = new(1, 5),
        [HealthIndicatorNames.CriticalLaneLatency] = new(1_000, 5_000),
        [HealthIndicatorNames.CriticalLaneLag] = new(30, 300),
        [HealthIndicatorNames.BulkLaneLag] = new(300, 1_800),
        [HealthIndicatorNames.DlqGrowth] = new(1, 100),
        [HealthIndicatorNames.DuplicateRate] = new(10, 50),
        [HealthIndicatorNames.ProjectionLag] = new(10_000, 100_000),
        [HealthIndicatorNames.ProjectionRebuildTime] = new(600, 3_600),
        [HealthIndicatorNames.ReconciliationMismatchRate] = new(1, 5),
    };

    /// <summary>The thresholds of <paramref name="indicator"/>.</summary>
    public HealthThreshold ThresholdOf(string indicator) =>
        Thresholds.TryGetValue(indicator, out var threshold) ? threshold
        : throw new InvalidOperationException($"{Section}:Thresholds has no indicator '{indicator}'.");

    /// <summary>
    /// Reads <see cref="Section"/> of <paramref name="configuration"/> over the defaults and validates it.
    /// </summary>
    /// <exception cref="InvalidOperationException">naming the setting, when a value is malformed, unknown or out of range.</exception>
    public static HealthOptions FromConfiguration(IConfiguration? configuration)
    {
        var options = new HealthOptions();
        var section = configuration?.GetSection(Section);
        if (section is not null)
        {
            options.Interval = ReadDuration(section, nameof(Interval)) ?? options.Interval;
            options.Window = ReadDuration(section, nameof(Window)) ?? options.Window;
            foreach (var indicator in section.GetSection(nameof(Thresholds)).GetChildren())
            {
                var name = $"{Section}:{nameof(Thresholds)}:{indicator.Key}";
                if (!options.Thresholds.TryGetValue(indicator.Key, out var current))
                {
                    throw new InvalidOperationException(
                        $"{name} is not a health indicator; indicators are: {string.Join(", ", HealthIndicatorNames.All)}.");
                }
                foreach (var setting in indicator.GetChildren())
                {
                    if (setting.Key is not (nameof(HealthThreshold.Degraded) or nameof(HealthThreshold.Unhealthy)))
                    {
                        throw new InvalidOperationException($"{name}:{setting.Key} is not a threshold; set {name}:Degraded or {name}:Unhealthy.");
                    }
                }
                options.Thresholds[indicator.Key] = new HealthThreshold(
                    ReadNumber(indicator, nameof(HealthThreshold.Degraded), name) ?? current.Degraded,
                    ReadNumber(indicator, nameof(HealthThreshold.Unhealthy), name) ?? current.Unhealthy);
            }
        }
        options.Validate();
        return options;
    }

    /// <summary>Checks every setting is in range.</summary>
    /// <exception cref="InvalidOperationException">naming the first setting out of range.</exception>
    public void Validate()
    {
        if (Interval < MinInterval || Interval > MaxInterval)
        {
            throw new InvalidOperationException($"{Section}:{nameof(Interval)} must be between {MinInterval} and {MaxInterval} (was {Interval}).");
        }
        if (Window < Interval || Window > MaxWindow)
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(Window)} must be at least {Section}:{nameof(Interval)} ({Interval}) and at most {MaxWindow} (was {Window}).");
        }
        foreach (var indicator in HealthIndicatorNames.All)
        {
            var name = $"{Section}:{nameof(Thresholds)}:{indicator}";
            if (!Thresholds.TryGetValue(indicator, out var threshold))
            {
                throw new InvalidOperationException($"{name} is missing.");
            }
            if (!(threshold.Degraded > 0) || double.IsInfinity(threshold.Degraded))
            {
                throw new InvalidOperationException($"{name}:Degraded must be a number greater than 0 (was {Format(threshold.Degraded)}).");
            }
            if (!(threshold.Unhealthy >= threshold.Degraded) || double.IsInfinity(threshold.Unhealthy))
            {
                throw new InvalidOperationException(
                    $"{name}:Unhealthy must be a number not below {name}:Degraded ({Format(threshold.Degraded)}) (was {Format(threshold.Unhealthy)}).");
            }
        }
        foreach (var indicator in Thresholds.Keys.Where(k => !HealthIndicatorNames.All.Contains(k, StringComparer.Ordinal)))
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(Thresholds)}:{indicator} is not a health indicator; indicators are: {string.Join(", ", HealthIndicatorNames.All)}.");
        }
    }

    private static TimeSpan? ReadDuration(IConfigurationSection section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{Section}:{key} must be a duration such as 00:00:05 (was '{text}').");
    }

    private static double? ReadNumber(IConfigurationSection section, string key, string name)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{name}:{key} must be a number (was '{text}').");
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
