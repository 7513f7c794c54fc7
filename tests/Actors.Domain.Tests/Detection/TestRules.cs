using Actors.Domain.Detection;

namespace Actors.Domain.Tests.Detection;

/// <summary>Rules and telemetry the detection tests share: the shipped rule shapes, built through the parser.</summary>
internal static class TestRules
{
    public static readonly DateTimeOffset T0 = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static DetectionRuleSet Parse(string rules) => DetectionRulesJson.Parse($$"""{ "rules": [ {{rules}} ] }""");

    public const string BruteForce =
        """{ "rule": "brute-force-login", "event": "LoginAttempt", "match": { "success": false }, "groupBy": "principal", "threshold": 5, "window": "00:01:00", "severity": "high" }""";

    public const string DumpingTool =
        """{ "rule": "credential-dumping-tool", "event": "ProcessStarted", "match": { "processName": ["mimikatz.exe", "procdump.exe"] }, "groupBy": "host", "threshold": 1, "window": "00:10:00", "severity": "critical" }""";

    public const string PortScan =
        """{ "rule": "port-scan", "event": "NetworkConnection", "match": { "direction": "outbound" }, "groupBy": "host", "distinct": "remotePort", "threshold": 3, "window": "00:01:00", "severity": "medium" }""";

    public static DetectionRuleSet All => Parse($"{BruteForce}, {DumpingTool}, {PortScan}");

    public static LoginAttempt Failure(string principal, long seq, double seconds, string source = "idp", string host = "ws-1") =>
        new(source, seq, T0.AddSeconds(seconds), principal, host, Success: false);
}
