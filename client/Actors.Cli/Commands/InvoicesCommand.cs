using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors invoices</c>: issue and show invoices per billing window and price plan version.</summary>
public sealed class InvoicesCommand : Command
{
    public InvoicesCommand(CommandRunner runner)
        : base("invoices", "Issue immutable invoices per account and billing window under a price plan version, and show them.")
    {
        Subcommands.Add(new InvoicesIssueCommand(runner));
        Subcommands.Add(new InvoicesShowCommand(runner));
    }
}
