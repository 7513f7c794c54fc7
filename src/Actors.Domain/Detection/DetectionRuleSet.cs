namespace Actors.Domain.Detection;

/// <summary>The detection rules a silo runs, looked up by telemetry type.</summary>
public sealed class DetectionRuleSet
{
    private readonly Dictionary<string, DetectionRule[]> _byType;

    /// <summary>A set of <paramref name="rules"/>; names must be unique.</summary>
    /// <exception cref="ArgumentException">when two rules share a name.</exception>
    public DetectionRuleSet(IReadOnlyList<DetectionRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"rule '{twice.Key}' is defined more than once.", nameof(rules));
        }
        Rules = rules;
        _byType = rules.GroupBy(r => r.EventType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every rule, in file order.</summary>
    public IReadOnlyList<DetectionRule> Rules { get; }

    /// <summary>The rules that read <paramref name="type"/>.</summary>
    public IReadOnlyList<DetectionRule> For(string type) => _byType.TryGetValue(type, out var rules) ? rules : [];
}
