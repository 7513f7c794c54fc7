using System.CommandLine;
using Actors.Contracts;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary><c>actors billing balance</c>: balance per currency, usage per meter and the event count of an account.</summary>
public sealed class BillingBalanceCommand : Command
{
    private readonly AccountOptions _account = new();

    public BillingBalanceCommand(CommandRunner runner)
        : base("balance", "Show an account's balance per currency (minor units, positive = owed), usage per meter and event count.")
    {
        _account.AddTo(this);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (tenant, account) = _account.Read(scope.Parse);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var balance = await client.Billing.GetBalanceAsync(tenant, account, cancellationToken);
        var output = scope.Output;
        if (output.IsJson)
        {
            output.WriteJson(balance);
            return ExitCodes.Ok;
        }

        output.WriteLine($"{balance.Tenant}/{balance.Account}: {balance.EventCount} event(s), ledger position {balance.LedgerPosition}");
        var balances = new Table().AddColumn("currency").AddColumn(new TableColumn("balance (minor units)").RightAligned());
        foreach (var (currency, minor) in balance.BalanceMinor.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            balances.AddRow(Markup.Escape(currency), minor.ToString("N0"));
        }
        if (balance.BalanceMinor.Count == 0)
        {
            balances.AddRow("-", "0");
        }
        output.Console.Write(balances);

        var usage = new Table().AddColumn("meter").AddColumn(new TableColumn("units").RightAligned());
        foreach (var (meter, units) in balance.UsageByMeter.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            usage.AddRow(Markup.Escape(meter), units.ToString("N0"));
        }
        if (balance.UsageByMeter.Count > 0)
        {
            output.Console.Write(usage);
        }
        return ExitCodes.Ok;
    }
}
