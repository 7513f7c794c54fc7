using System.CommandLine;
using Actors.Contracts;
using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Actors.Cli.Output;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors reconcile ack|resolve|dismiss</c>: moves one exception, named by its key (tenant, account, window, plan,
/// kind), with who and why for the audit trail. Repeating a command that already took effect answers success.
/// </summary>
public sealed class ReconcileTransitionCommand : Command
{
    private readonly ReconcileTransition _transition;
    private readonly AccountOptions _account = new();
    private readonly Option<string> _window = new("--window") { Description = "The billing window, yyyy-MM.", Required = true };
    private readonly Option<string> _plan = new("--plan") { Description = "The price plan of the result, name@version (e.g. standard@1).", Required = true };
    private readonly Option<string> _kind = new("--kind")
    {
        Description = "missing-usage, duplicated-usage, late-arrival, rating-inconsistency or projection-drift.",
        Required = true,
    };
    private readonly Option<string> _actor = new("--actor")
    {
        Description = "Who makes the change (default: the current user).",
        DefaultValueFactory = _ => Environment.UserName,
    };
    private readonly Option<string> _reason = new("--reason") { Description = "Why, for the audit trail.", Required = true };

    public ReconcileTransitionCommand(CommandRunner runner, ReconcileTransition transition)
        : base(NameOf(transition), DescriptionOf(transition))
    {
        _transition = transition;
        _account.AddTo(this);
        Options.Add(_window);
        Options.Add(_plan);
        Options.Add(_kind);
        Options.Add(_actor);
        Options.Add(_reason);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var parse = scope.Parse;
        var (tenant, account) = _account.Read(parse);
        MismatchKind kind;
        try
        {
            kind = MismatchKindNames.ParseKind(parse.GetRequiredValue(_kind));
        }
        catch (FormatException invalid)
        {
            throw new CliUsageException(invalid.Message);
        }
        var key = new ReconciliationKey(
            tenant, account, BillingWindow.Require(parse.GetRequiredValue(_window)).ToString(),
            PricePlanId.Require(parse.GetRequiredValue(_plan)).ToString(), kind);
        var actor = parse.GetRequiredValue(_actor);
        var reason = parse.GetRequiredValue(_reason);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var reconciliation = client.Reconciliation;
        var after = _transition switch
        {
            ReconcileTransition.Acknowledge => await reconciliation.AcknowledgeAsync(key, actor, reason, cancellationToken),
            ReconcileTransition.Resolve => await reconciliation.ResolveAsync(key, actor, reason, cancellationToken),
            _ => await reconciliation.DismissAsync(key, actor, reason, cancellationToken),
        };
        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(after);
        }
        else
        {
            ReconciliationView.WriteExceptions(scope.Output, [after]);
        }
        return ExitCodes.Ok;
    }

    private static string NameOf(ReconcileTransition transition) => transition switch
    {
        ReconcileTransition.Acknowledge => "ack",
        ReconcileTransition.Resolve => "resolve",
        _ => "dismiss",
    };

    private static string DescriptionOf(ReconcileTransition transition) => transition switch
    {
        ReconcileTransition.Acknowledge => "Acknowledge an open exception (open -> acknowledged).",
        ReconcileTransition.Resolve =>
            "Resolve an exception: post its correction as an adjustment keyed by the exception (never twice), then mark it resolved.",
        _ => "Dismiss an exception without a correction.",
    };
}
