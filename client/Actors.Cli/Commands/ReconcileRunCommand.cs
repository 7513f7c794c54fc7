using System.CommandLine;
using System.Diagnostics;
using Actors.Client;
using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Actors.Cli.Output;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary><c>actors reconcile run --tenant T --window W</c>: starts a run and follows it to the end.</summary>
public sealed class ReconcileRunCommand : Command
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly Option<string> _tenant = TenantOption.Create();
    private readonly Option<string> _window = new("--window") { Description = "The billing window, yyyy-MM (e.g. 2026-11).", Required = true };
    private readonly Option<bool> _noWait = new("--no-wait") { Description = "Start the run and return its id without following it." };

    public ReconcileRunCommand(CommandRunner runner)
        : base("run", "Reconcile every account of a tenant with activity in a window; prints accounts checked and mismatches by kind.")
    {
        Options.Add(_tenant);
        Options.Add(_window);
        Options.Add(_noWait);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tenant = TenantOption.Read(scope.Parse, _tenant);
        var window = BillingWindow.Require(scope.Parse.GetRequiredValue(_window)).ToString();
        var output = scope.Output;

        await using var client = await scope.ConnectAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var run = await client.Reconciliation.StartRunAsync(tenant, window, cancellationToken);
        if (!scope.Parse.GetValue(_noWait))
        {
            run = output.CanShowProgress
                ? await output.Console.Status().StartAsync($"reconciling {tenant} {window}", async status =>
                    await FollowAsync(client, run, r => status.Status($"reconciling {tenant} {window}: {r.AccountsChecked:N0} account(s) checked"), cancellationToken))
                : await FollowAsync(client, run, static _ => { }, cancellationToken);
        }
        if (output.IsJson)
        {
            output.WriteJson(run);
        }
        else
        {
            ReconciliationView.WriteRun(output, run, clock.Elapsed);
        }
        return run.State == RunState.Failed ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static async Task<ReconciliationRun> FollowAsync(
        ActorsClient client, ReconciliationRun run, Action<ReconciliationRun> report, CancellationToken cancellationToken)
    {
        using var ticks = new PeriodicTimer(PollInterval);
        while (run.State == RunState.Running)
        {
            await ticks.WaitForNextTickAsync(cancellationToken);
            run = await client.Reconciliation.GetRunAsync(run.Tenant, run.RunId, cancellationToken)
                ?? throw new InvalidOperationException($"run {run.RunId} disappeared while it was followed.");
            report(run);
        }
        return run;
    }
}
