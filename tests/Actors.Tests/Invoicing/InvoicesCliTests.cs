using System.Text.Json;
using Actors.Cli;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Tests.Cli;

namespace Actors.Tests.Invoicing;

/// <summary><c>actors invoices issue</c> and <c>show</c> against a running silo, through its gateway like a real CLI run.</summary>
public sealed class InvoicesCliTests(InvoicingSiloFixture fixture) : IClassFixture<InvoicingSiloFixture>
{
    private static readonly DateTimeOffset November = new(2026, 11, 5, 12, 0, 0, TimeSpan.Zero);

    private string[] Connection => ["--gateway-port", fixture.GatewayPort.ToString(), "--cluster-id", fixture.ClusterId, "--connect-timeout", "10"];

    private async Task<string> TenantWithUsageAsync(params (string Account, string Meter, long Quantity)[] usage)
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..8];
        foreach (var (account, meter, quantity) in usage)
        {
            await fixture.Grains.GetGrain<IAccountGrain>(EntityKey.Format(tenant, account)).Record(new UsageRecorded
            {
                Source = "meter-1", Seq = 1, OccurredAt = November, Currency = "USD", Meter = meter, Quantity = quantity,
            });
        }
        return tenant;
    }

    [Fact]
    public async Task Issue_prints_the_summary_as_json_and_a_repeat_issues_nothing_new()
    {
        var tenant = await TenantWithUsageAsync(("c1", "api", 10), ("c2", "storage", 12));

        var first = await CliRun.StartAsync([.. Connection, "--json", "invoices", "issue", "--tenant", tenant, "--window", "2026-11"]);
        var again = await CliRun.StartAsync([.. Connection, "--json", "invoices", "issue", "--tenant", tenant, "--window", "2026-11", "--plan", "test@1"]);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        using var summary = JsonDocument.Parse(first.Stdout);
        Assert.Equal(2, summary.RootElement.GetProperty("issued").GetInt32());
        Assert.Equal("test@1", summary.RootElement.GetProperty("plan").GetString());
        Assert.Equal(20 + 52, summary.RootElement.GetProperty("totalMinorByCurrency").GetProperty("USD").GetInt64());
        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        using var repeat = JsonDocument.Parse(again.Stdout);
        Assert.Equal(0, repeat.RootElement.GetProperty("issued").GetInt32());
        Assert.Equal(2, repeat.RootElement.GetProperty("alreadyIssued").GetInt32());
    }

    [Fact]
    public async Task Show_prints_the_lines_and_total_of_an_accounts_invoice()
    {
        var tenant = await TenantWithUsageAsync(("c1", "storage", 1234));
        var issue = await CliRun.StartAsync([.. Connection, "invoices", "issue", "--tenant", tenant, "--window", "2026-11", "--account", "c1"]);

        var show = await CliRun.StartAsync([.. Connection, "invoices", "show", "--tenant", tenant, "--account", "c1", "--window", "2026-11"]);

        Assert.True(issue.ExitCode == ExitCodes.Ok, issue.ToString());
        Assert.Contains("1 issued, 0 already issued", issue.Stdout);
        Assert.True(show.ExitCode == ExitCodes.Ok, show.ToString());
        Assert.Contains($"{tenant}/c1  2026-11  test@1  USD", show.Stdout);
        Assert.Contains("storage", show.Stdout);
        Assert.Contains((50 + 1224).ToString("N0"), show.Stdout);
        Assert.Contains("total", show.Stdout);
    }

    [Fact]
    public async Task Show_without_an_invoice_exits_not_found_and_an_unknown_plan_exits_2()
    {
        var tenant = await TenantWithUsageAsync(("c1", "api", 1));

        var show = await CliRun.StartAsync([.. Connection, "invoices", "show", "--tenant", tenant, "--account", "c1", "--window", "2026-11"]);
        var unknownPlan = await CliRun.StartAsync([.. Connection, "invoices", "issue", "--tenant", tenant, "--window", "2026-11", "--plan", "gold@1"]);

        Assert.True(show.ExitCode == ExitCodes.NotFound, show.ToString());
        Assert.Contains("no invoice", show.Stderr);
        Assert.True(unknownPlan.ExitCode == ExitCodes.InvalidInput, unknownPlan.ToString());
        Assert.Contains("gold@1", unknownPlan.Stderr);
        Assert.Contains("test@1, test@2", unknownPlan.Stderr);
    }
}
