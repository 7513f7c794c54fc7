using System.CommandLine;
using Actors.Cli.Output;
using Actors.Contracts.Invoicing;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors invoices issue</c>: issues the invoices of a window for one account or a whole tenant. Issuing again returns
/// the invoices already issued for (account, window, plan version); usage that arrived after an earlier window's invoice is
/// carried into this one.
/// </summary>
public sealed class InvoicesIssueCommand : Command
{
    private readonly InvoiceOptions _options = new();
    private readonly Option<string?> _account = InvoiceOptions.CreateAccount(required: false, "One account; default: every account of the tenant with usage to invoice.");
    private readonly Option<PricePlanId?> _plan = InvoiceOptions.CreatePlan();

    public InvoicesIssueCommand(CommandRunner runner)
        : base("issue", "Issue the invoices of a billing window (one account or the whole tenant); a repeat returns the existing invoices.")
    {
        Options.Add(_options.Tenant);
        Options.Add(_options.Window);
        Options.Add(_account);
        Options.Add(_plan);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tenant = _options.ReadTenant(scope.Parse);
        var account = InvoiceOptions.ReadAccount(scope.Parse, _account);
        var window = scope.Parse.GetValue(_options.Window);
        var plan = scope.Parse.GetValue(_plan);

        await using var client = await scope.ConnectAsync(cancellationToken);
        InvoiceIssueSummary summary;
        try
        {
            summary = await client.Invoices.IssueAsync(tenant, window.ToString(), account, plan?.ToString(), cancellationToken);
        }
        catch (UnknownPricePlanException unknown)
        {
            scope.Output.WriteError($"invalid input: {unknown.Message} Nothing was written.");
            return ExitCodes.InvalidInput;
        }
        catch (UnknownMeterException unpriced)
        {
            scope.Output.WriteError($"cannot invoice: {unpriced.Message} Nothing was written.");
            return ExitCodes.Failure;
        }

        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(summary);
        }
        else
        {
            InvoiceView.Write(scope.Output, summary);
        }
        return ExitCodes.Ok;
    }
}
