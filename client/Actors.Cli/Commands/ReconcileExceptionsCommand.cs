using System.CommandLine;
using Actors.Client.Reconciliation;
using Actors.Contracts;
using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Actors.Cli.Output;

namespace Actors.Cli.Commands;

/// <summary><c>actors reconcile exceptions --tenant T</c>: the exceptions found, filtered.</summary>
public sealed class ReconcileExceptionsCommand : Command
{
    private readonly Option<string> _tenant = TenantOption.Create();
    private readonly Option<string?> _status = new("--status") { Description = "Only this status: open, acknowledged, resolved, dismissed." };
    private readonly Option<string?> _kind = new("--kind")
    {
        Description = "Only this kind: missing-usage, duplicated-usage, late-arrival, rating-inconsistency, projection-drift.",
    };
    private readonly Option<string?> _window = new("--window") { Description = "Only this billing window (yyyy-MM)." };
    private readonly Option<string?> _account = new("--account") { Description = "Only this account." };
    private readonly Option<int> _max = new("--max")
    {
        Description = $"How many at most (1-{ReconciliationClient.MaxExceptionsPage}).",
        DefaultValueFactory = _ => 100,
    };

    public ReconcileExceptionsCommand(CommandRunner runner)
        : base("exceptions", "List reconciliation exceptions with their figures and corrections, by account, window, plan and kind.")
    {
        Options.Add(_tenant);
        Options.Add(_status);
        Options.Add(_kind);
        Options.Add(_window);
        Options.Add(_account);
        Options.Add(_max);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var parse = scope.Parse;
        var tenant = TenantOption.Read(parse, _tenant);
        var filter = new ExceptionFilter(
            parse.GetValue(_status) is { } status ? ParseName(() => MismatchKindNames.ParseStatus(status)) : null,
            parse.GetValue(_kind) is { } kind ? ParseName(() => MismatchKindNames.ParseKind(kind)) : null,
            parse.GetValue(_window) is { } window ? BillingWindow.Require(window).ToString() : null,
            parse.GetValue(_account) is { } account ? Validated(account) : null);
        await using var client = await scope.ConnectAsync(cancellationToken);
        var found = await client.Reconciliation.ListExceptionsAsync(tenant, filter, parse.GetValue(_max), cancellationToken);
        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(found);
        }
        else
        {
            ReconciliationView.WriteExceptions(scope.Output, found);
        }
        return ExitCodes.Ok;
    }

    private static T ParseName<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException invalid)
        {
            throw new CliUsageException(invalid.Message);
        }
    }

    private static string Validated(string account)
    {
        EntityKey.Validate("account", account);
        return account;
    }
}
