using Actors.Domain.Detection;

namespace Actors.Grains.Detection;

/// <summary>
/// The rules the silo loaded at start-up, or why it has none. A missing file does not stop the silo (detectors then count
/// nothing and say so once in the log); a malformed one does, at start-up, with the file and the field named.
/// </summary>
public sealed class ConfiguredDetectionRules
{
    private int _reported;

    private ConfiguredDetectionRules(DetectionRuleSet rules, string source, string? unavailable)
    {
        Rules = rules;
        Source = source;
        Unavailable = unavailable;
    }

    /// <summary>The rules; empty when no file was found.</summary>
    public DetectionRuleSet Rules { get; }

    /// <summary>The file the rules were read from, or the configured path when none was found.</summary>
    public string Source { get; }

    /// <summary>Why there are no rules; null when a file was read.</summary>
    public string? Unavailable { get; }

    /// <summary>Rules read from <paramref name="file"/>.</summary>
    public static ConfiguredDetectionRules Loaded(DetectionRuleSet rules, string file) => new(rules, file, null);

    /// <summary>No rules, because <paramref name="why"/>.</summary>
    public static ConfiguredDetectionRules Missing(string configured, string why) => new(new DetectionRuleSet([]), configured, why);

    /// <summary>True exactly once per silo when the rules are missing, so the first detector to notice logs it and the rest stay quiet.</summary>
    public bool ShouldReportMissing() => Unavailable is not null && Interlocked.Exchange(ref _reported, 1) == 0;
}
