using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Billing;
using Actors.Contracts;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary><c>actors billing ledger</c>: the events on an account's ledger, in order.</summary>
public sealed class BillingLedgerCommand : Command
{
    private readonly AccountOptions _account = new();

    private readonly Option<long> _from = new("--from")
    {
        Description = "First ledger position to list.",
        DefaultValueFactory = _ => 1,
        Validators = { OptionRange.AtLeast(1L) },
    };

    private readonly Option<int> _max = new("--max")
    {
        Description = "Most rows to list.",
        DefaultValueFactory = _ => 100,
        Validators = { OptionRange.Between(1, BillingClient.MaxLedgerPage) },
    };

    public BillingLedgerCommand(CommandRunner runner)
        : base("ledger", "List an account's ledger events (a table, or a JSON array with --json).")
    {
        _account.AddTo(this);
        Options.Add(_from);
        Options.Add(_max);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (tenant, account) = _account.Read(scope.Parse);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var rows = await client.Billing.GetLedgerAsync(
            tenant, account, scope.Parse.GetValue(_from), scope.Parse.GetValue(_max), cancellationToken);
        var output = scope.Output;
        if (output.IsJson)
        {
            output.WriteJson(rows);
            return ExitCodes.Ok;
        }

        var table = new Table()
            .AddColumn(new TableColumn("pos").RightAligned())
            .AddColumn(new TableColumn("global").RightAligned())
            .AddColumn("source")
            .AddColumn(new TableColumn("seq").RightAligned())
            .AddColumn("type")
            .AddColumn("occurred at")
            .AddColumn("details");
        foreach (var row in rows)
        {
            table.AddRow(
                row.Position.ToString(),
                row.GlobalPosition.ToString(),
                Markup.Escape(row.Source),
                row.Seq.ToString(),
                Markup.Escape(row.Type),
                row.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"),
                Markup.Escape(LedgerPayloadSummary.Of(row.Payload)));
        }
        output.Console.Write(table);
        output.WriteLine($"{rows.Count} event(s) from position {scope.Parse.GetValue(_from)} of {tenant}/{account}");
        return ExitCodes.Ok;
    }
}
