using Actors.Domain.Detection;

namespace Actors.Domain.Tests.Detection;

/// <summary>The rules file: the shipped one loads, and every mistake is refused naming its field.</summary>
public sealed class DetectionRulesJsonTests
{
    [Fact]
    public void The_shipped_rules_file_loads_with_its_three_rule_kinds()
    {
        var rules = DetectionRulesJson.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "cluster-config", "detection", "rules.json")));

        var bruteForce = Assert.Single(rules.For(LoginAttempt.TypeName));
        Assert.Equal(("brute-force-login", "principal", 5, TimeSpan.FromMinutes(1), "high"),
            (bruteForce.Name, bruteForce.GroupBy, bruteForce.Threshold, bruteForce.Window, bruteForce.Severity));
        Assert.Equal(["false"], Assert.Single(bruteForce.Match).AnyOf);
        Assert.Contains("mimikatz.exe", Assert.Single(Assert.Single(rules.For(ProcessStarted.TypeName)).Match).AnyOf);
        Assert.Equal("remotePort", Assert.Single(rules.For(NetworkConnection.TypeName)).Distinct);
    }

    [Theory]
    [InlineData("""{ "rules": {} }""", "rules")]
    [InlineData("""{ "rule": [] }""", "rule ")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttemp", "groupBy": "principal", "threshold": 5, "window": "00:01:00", "severity": "high" } ] }""", "rules[0].event")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttempt", "match": { "sucess": false }, "groupBy": "principal", "threshold": 5, "window": "00:01:00", "severity": "high" } ] }""", "rules[0].match.sucess")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttempt", "match": { "success": "no" }, "groupBy": "principal", "threshold": 5, "window": "00:01:00", "severity": "high" } ] }""", "rules[0].match.success")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "NetworkConnection", "match": { "remotePort": [22, "x"] }, "groupBy": "host", "threshold": 5, "window": "00:01:00", "severity": "high" } ] }""", "rules[0].match.remotePort[1]")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttempt", "groupBy": "user", "threshold": 5, "window": "00:01:00", "severity": "high" } ] }""", "rules[0].groupBy")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttempt", "groupBy": "principal", "threshold": 0, "window": "00:01:00", "severity": "high" } ] }""", "rules[0].threshold")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttempt", "groupBy": "principal", "window": "00:01:00", "severity": "high" } ] }""", "rules[0].threshold")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttempt", "groupBy": "principal", "threshold": 5, "window": "60s", "severity": "high" } ] }""", "rules[0].window")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttempt", "groupBy": "principal", "threshold": 5, "window": "2.00:00:00", "severity": "high" } ] }""", "rules[0].window")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttempt", "groupBy": "principal", "threshold": 5, "window": "00:01:00", "severity": "severe" } ] }""", "rules[0].severity")]
    [InlineData("""{ "rules": [ { "rule": "bad rule", "event": "LoginAttempt", "groupBy": "principal", "threshold": 5, "window": "00:01:00", "severity": "high" } ] }""", "rules[0].rule")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "NetworkConnection", "groupBy": "host", "distinct": "host", "threshold": 5, "window": "00:01:00", "severity": "high" } ] }""", "rules[0].distinct")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttempt", "groupBy": "principal", "threshold": 5, "window": "00:01:00", "severity": "high", "windw": 1 } ] }""", "rules[0].windw")]
    [InlineData("""{ "rules": [ { "rule": "r", "event": "LoginAttempt", "groupBy": "principal", "threshold": 5, "window": "00:01:00", "severity": "high" }, { "rule": "r", "event": "LoginAttempt", "groupBy": "host", "threshold": 5, "window": "00:01:00", "severity": "low" } ] }""", "rules[1].rule")]
    public void A_mistake_is_refused_naming_its_field(string json, string field)
    {
        var error = Assert.Throws<DetectionRuleFormatException>(() => DetectionRulesJson.Parse(json));

        Assert.StartsWith(field, error.Message);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_as_such()
    {
        var error = Assert.Throws<DetectionRuleFormatException>(() => DetectionRulesJson.Parse("{ rules: "));

        Assert.Contains("not valid JSON", error.Message);
        Assert.Equal("", error.Path);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Actors.sln not found above {AppContext.BaseDirectory}.");
    }
}
