using System.CommandLine;
using Actors.Cli.Output;

namespace Actors.Cli.Commands;

/// <summary><c>actors reconcile status --tenant T</c>: recent runs and exceptions by status and kind.</summary>
public sealed class ReconcileStatusCommand : Command
{
    private readonly Option<string> _tenant = TenantOption.Create();

    public ReconcileStatusCommand(CommandRunner runner)
        : base("status", "Show a tenant's recent reconciliation runs and its exceptions counted by status and kind.")
    {
        Options.Add(_tenant);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tenant = TenantOption.Read(scope.Parse, _tenant);
        await using var client = await scope.ConnectAsync(cancellationToken);
        var status = await client.Reconciliation.GetStatusAsync(tenant, cancellationToken);
        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(status);
        }
        else
        {
            ReconciliationView.WriteStatus(scope.Output, status);
        }
        return ExitCodes.Ok;
    }
}
