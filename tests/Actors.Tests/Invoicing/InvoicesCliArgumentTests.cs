using Actors.Cli;
using Actors.Tests.Cli;

namespace Actors.Tests.Invoicing;

/// <summary><c>actors invoices</c> rejects bad arguments with exit code 2, says what is wrong, and never connects.</summary>
public sealed class InvoicesCliArgumentTests
{
    [Theory]
    [InlineData("--window must be a month written yyyy-MM", "issue", "--tenant", "acme", "--window", "2026-13")]
    [InlineData("--window must be a month written yyyy-MM", "issue", "--tenant", "acme", "--window", "11/2026")]
    [InlineData("--plan must be name@version", "issue", "--tenant", "acme", "--window", "2026-11", "--plan", "standard")]
    [InlineData("--plan must be name@version", "issue", "--tenant", "acme", "--window", "2026-11", "--plan", "Standard@1")]
    [InlineData("--tenant", "issue", "--window", "2026-11")]
    [InlineData("--window", "issue", "--tenant", "acme")]
    [InlineData("--account", "show", "--tenant", "acme", "--window", "2026-11")]
    [InlineData("tenant 'ac/me'", "issue", "--tenant", "ac/me", "--window", "2026-11")]
    [InlineData("account 'c 1'", "issue", "--tenant", "acme", "--window", "2026-11", "--account", "c 1")]
    [InlineData("account 'c 1'", "show", "--tenant", "acme", "--window", "2026-11", "--account", "c 1")]
    public async Task Bad_arguments_exit_2_and_connect_to_nothing(string expectedMessage, params string[] invoiceArgs)
    {
        using var gateway = new SilentGateway();

        var run = await CliRun.StartAsync(["--gateway-port", gateway.Port.ToString(), "invoices", .. invoiceArgs]);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains(expectedMessage, run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.False(gateway.WasContacted, "the CLI connected although the arguments were invalid");
    }
}
