using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors reconcile</c>: runs of the reconciler and its exception workflow.</summary>
public sealed class ReconcileCommand : Command
{
    public ReconcileCommand(CommandRunner runner)
        : base("reconcile", "Check account ledgers against invoices and the balances projection; work the exceptions found.")
    {
        Subcommands.Add(new ReconcileRunCommand(runner));
        Subcommands.Add(new ReconcileStatusCommand(runner));
        Subcommands.Add(new ReconcileExceptionsCommand(runner));
        Subcommands.Add(new ReconcileTransitionCommand(runner, ReconcileTransition.Acknowledge));
        Subcommands.Add(new ReconcileTransitionCommand(runner, ReconcileTransition.Resolve));
        Subcommands.Add(new ReconcileTransitionCommand(runner, ReconcileTransition.Dismiss));
    }
}
