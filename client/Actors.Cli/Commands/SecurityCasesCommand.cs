using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Security;
using Actors.Contracts.Security;

namespace Actors.Cli.Commands;

/// <summary><c>actors security cases</c>: a tenant's cases, newest first.</summary>
public sealed class SecurityCasesCommand : Command
{
    private readonly Option<string> _tenant = TenantOption.Create();
    private readonly Option<CaseStatus?> _status = new("--status") { Description = "Only cases in this status: open, triaged, contained, resolved or closed." };
    private readonly Option<int> _max = new("--max")
    {
        Description = "At most this many cases, 1 to 1000.",
        DefaultValueFactory = _ => SecurityClient.DefaultListMax,
        Validators = { OptionRange.Between(1, 1000) },
    };

    public SecurityCasesCommand(CommandRunner runner)
        : base("cases", "List a tenant's security cases, newest first, optionally only those in one status.")
    {
        Options.Add(_tenant);
        Options.Add(_status);
        Options.Add(_max);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tenant = TenantOption.Read(scope.Parse, _tenant);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var cases = await client.Security.ListCasesAsync(tenant, scope.Parse.GetValue(_status), scope.Parse.GetValue(_max), cancellationToken);
        SecurityCaseView.WriteCases(scope.Output, cases);
        return ExitCodes.Ok;
    }
}
