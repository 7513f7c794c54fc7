using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Security;
using Actors.Contracts.Security;

namespace Actors.Cli.Commands;

/// <summary><c>actors security alert</c>: raise an alert; it joins the open case of its principal or host, or opens one.</summary>
public sealed class SecurityAlertCommand : Command
{
    private readonly Option<string> _tenant = TenantOption.Create();
    private readonly Option<string> _source = new("--source") { Description = "Detector that numbers its alerts (with --seq, the idempotency key).", Required = true };
    private readonly Option<long> _seq = new("--seq") { Description = "The detector's sequence number, 1 or greater.", Required = true, Validators = { OptionRange.AtLeast(1L) } };
    private readonly Option<AlertSeverity> _severity = new("--severity") { Description = "low, medium, high or critical.", Required = true };
    private readonly Option<string> _rule = new("--rule") { Description = "The detection rule that fired, e.g. failed-logins.", Required = true };
    private readonly Option<string?> _principal = new("--principal") { Description = "The user or service account concerned." };
    private readonly Option<string?> _host = new("--host") { Description = "The machine concerned." };
    private readonly Option<DateTimeOffset?> _occurredAt = new("--occurred-at") { Description = "When it was detected (ISO-8601). Default: now." };

    public SecurityAlertCommand(CommandRunner runner)
        : base("alert", "Raise an alert (give --principal, --host or both). Raising the same --source/--seq again is answered as a duplicate.")
    {
        Options.Add(_tenant);
        Options.Add(_source);
        Options.Add(_seq);
        Options.Add(_severity);
        Options.Add(_rule);
        Options.Add(_principal);
        Options.Add(_host);
        Options.Add(_occurredAt);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tenant = TenantOption.Read(scope.Parse, _tenant);
        var alert = new AlertRaised
        {
            Source = scope.Parse.GetRequiredValue(_source),
            Seq = scope.Parse.GetValue(_seq),
            OccurredAt = scope.Parse.GetValue(_occurredAt) ?? DateTimeOffset.UtcNow,
            Severity = scope.Parse.GetValue(_severity),
            Rule = scope.Parse.GetRequiredValue(_rule),
            Principal = scope.Parse.GetValue(_principal),
            Host = scope.Parse.GetValue(_host),
        };
        SecurityClient.Validate(tenant, alert);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var outcome = await client.Security.RaiseAlertAsync(tenant, alert, cancellationToken);
        SecurityCaseView.WriteAlert(scope.Output, outcome);
        return ExitCodes.Ok;
    }
}
