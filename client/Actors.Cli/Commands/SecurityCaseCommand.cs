using System.CommandLine;
using Actors.Cli.Output;
using Actors.Contracts;
using Actors.Contracts.Errors;

namespace Actors.Cli.Commands;

/// <summary><c>actors security case</c>: one case in detail.</summary>
public sealed class SecurityCaseCommand : Command
{
    private readonly Option<string> _tenant = TenantOption.Create();
    private readonly Option<string> _case = new("--case") { Description = "The case id, e.g. case-detector-1.", Required = true };

    public SecurityCaseCommand(CommandRunner runner)
        : base("case", "Show one security case: status, severity, principal, host, alerts and rules.")
    {
        Options.Add(_tenant);
        Options.Add(_case);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tenant = TenantOption.Read(scope.Parse, _tenant);
        var caseId = scope.Parse.GetRequiredValue(_case);
        EntityKey.Validate("case", caseId);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var found = await client.Security.GetCaseAsync(tenant, caseId, cancellationToken)
            ?? throw new NotFoundException($"security case '{tenant}/{caseId}' does not exist.");
        SecurityCaseView.WriteCase(scope.Output, found);
        return ExitCodes.Ok;
    }
}
