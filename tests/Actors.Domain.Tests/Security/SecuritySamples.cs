using Actors.Contracts.Security;

namespace Actors.Domain.Tests.Security;

internal static class SecuritySamples
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static AlertRaised Alert(long seq, string? principal = null, string? host = null, AlertSeverity severity = AlertSeverity.Medium,
        string rule = "failed-logins", string source = "detector") => new()
    {
        Source = source,
        Seq = seq,
        OccurredAt = T0.AddSeconds(seq),
        Severity = severity,
        Principal = principal,
        Host = host,
        Rule = rule,
    };

    public static CaseTransition Move(CaseStatus to, long seq, string actor = "analyst", string source = "console") =>
        new(to, actor, "checked", source, seq);
}
