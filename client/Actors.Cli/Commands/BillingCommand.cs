using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors billing</c>: the customer-account commands.</summary>
public sealed class BillingCommand : Command
{
    public BillingCommand(CommandRunner runner)
        : base("billing", "Record billing events on customer accounts and read balances and ledgers.")
    {
        Subcommands.Add(new BillingRecordCommand(runner));
        Subcommands.Add(new BillingAmountCommand(AmountEventKind.Credit, runner));
        Subcommands.Add(new BillingAmountCommand(AmountEventKind.Payment, runner));
        Subcommands.Add(new BillingAmountCommand(AmountEventKind.Adjustment, runner));
        Subcommands.Add(new BillingBalanceCommand(runner));
        Subcommands.Add(new BillingLedgerCommand(runner));
    }
}
