using System.CommandLine;
using Actors.Cli.Output;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Security;

namespace Actors.Cli.Commands;

/// <summary><c>actors security transition</c>: move a case along its lifecycle, or reopen it.</summary>
public sealed class SecurityTransitionCommand : Command
{
    private static readonly string[] Targets = ["triaged", "contained", "resolved", "closed", "reopened", "open"];

    private readonly Option<string> _tenant = TenantOption.Create();
    private readonly Option<string> _case = new("--case") { Description = "The case id.", Required = true };
    private readonly Option<string> _to = new("--to") { Description = "triaged, contained, resolved, closed, or reopened (open).", Required = true };
    private readonly Option<string> _actor = new("--actor") { Description = "Who moves the case.", Required = true };
    private readonly Option<string?> _reason = new("--reason") { Description = "Why." };
    private readonly Option<string> _source = new("--source") { Description = "Who numbers the moves (with --seq, the idempotency key). Default: cli.", DefaultValueFactory = _ => "cli" };
    private readonly Option<long> _seq = new("--seq") { Description = "The move's sequence number within the case, 1 or greater.", Required = true, Validators = { OptionRange.AtLeast(1L) } };

    public SecurityTransitionCommand(CommandRunner runner)
        : base("transition", "Move a case: open -> triaged -> contained -> resolved -> closed, or reopen a resolved or closed one. " +
                             "A move the lifecycle forbids exits with 4; an unknown case with 5.")
    {
        _to.AcceptOnlyFromAmong(Targets);
        Options.Add(_tenant);
        Options.Add(_case);
        Options.Add(_to);
        Options.Add(_actor);
        Options.Add(_reason);
        Options.Add(_source);
        Options.Add(_seq);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tenant = TenantOption.Read(scope.Parse, _tenant);
        var caseId = scope.Parse.GetRequiredValue(_case);
        EntityKey.Validate("case", caseId);
        var to = Parse(scope.Parse.GetRequiredValue(_to));

        await using var client = await scope.ConnectAsync(cancellationToken);
        var moved = await client.Security.TransitionAsync(
            tenant, caseId, to, scope.Parse.GetRequiredValue(_actor), scope.Parse.GetRequiredValue(_source), scope.Parse.GetValue(_seq),
            scope.Parse.GetValue(_reason), cancellationToken);
        SecurityCaseView.WriteCase(scope.Output, moved);
        return ExitCodes.Ok;
    }

    private static CaseStatus Parse(string target) => target.ToLowerInvariant() switch
    {
        "triaged" => CaseStatus.Triaged,
        "contained" => CaseStatus.Contained,
        "resolved" => CaseStatus.Resolved,
        "closed" => CaseStatus.Closed,
        "reopened" or "open" => CaseStatus.Open,
        _ => throw new InvalidEventException($"--to '{target}' is not one of {string.Join(", ", Targets)}."),
    };
}
