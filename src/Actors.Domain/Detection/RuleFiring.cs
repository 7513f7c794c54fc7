namespace Actors.Domain.Detection;

/// <summary>
/// A rule fired for a group. The alert's key is a function of the rule, the group and <see cref="WindowStart"/> alone
/// (see <see cref="AlertKeys"/>), so the same window found again (a redelivery after a restart) raises the same alert.
/// </summary>
/// <param name="Rule">The rule that fired.</param>
/// <param name="Group">The value of the rule's group field (the alert's entity).</param>
/// <param name="Principal">The principal of the window's first event, when it has one.</param>
/// <param name="Host">The host of the window's first event, when it has one.</param>
/// <param name="WindowStart">Event time of the window's first event: the alert's time.</param>
/// <param name="Count">Events (or distinct values) in the window when it fired.</param>
public sealed record RuleFiring(DetectionRule Rule, string Group, string? Principal, string? Host, DateTimeOffset WindowStart, int Count)
{
    /// <summary>The alert's source, <c>detector:{rule}</c>.</summary>
    public string AlertSource => Rule.AlertSource;

    /// <summary>The alert's sequence number, derived from the group and the window.</summary>
    public long AlertSeq => AlertKeys.Seq(Rule, Group, WindowStart);
}
