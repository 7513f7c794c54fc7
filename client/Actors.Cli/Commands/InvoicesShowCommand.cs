using System.CommandLine;
using Actors.Cli.Output;

namespace Actors.Cli.Commands;

/// <summary><c>actors invoices show</c>: an account's invoices of a window, one per plan version issued.</summary>
public sealed class InvoicesShowCommand : Command
{
    private readonly InvoiceOptions _options = new();
    private readonly Option<string?> _account = InvoiceOptions.CreateAccount(required: true, "The account.");

    public InvoicesShowCommand(CommandRunner runner)
        : base("show", "Show an account's invoices of a billing window (a table per invoice, or a JSON array with --json).")
    {
        Options.Add(_options.Tenant);
        Options.Add(_account);
        Options.Add(_options.Window);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tenant = _options.ReadTenant(scope.Parse);
        var account = InvoiceOptions.ReadAccount(scope.Parse, _account)!;
        var window = scope.Parse.GetValue(_options.Window);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var invoices = await client.Invoices.GetAsync(tenant, account, window.ToString(), cancellationToken);
        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(invoices);
        }
        else
        {
            foreach (var invoice in invoices)
            {
                InvoiceView.Write(scope.Output, invoice);
            }
        }
        if (invoices.Count == 0)
        {
            scope.Output.WriteError($"no invoice of {tenant}/{account} for {window} (issue one with: actors invoices issue --tenant {tenant} --account {account} --window {window}).");
            return ExitCodes.NotFound;
        }
        return ExitCodes.Ok;
    }
}
