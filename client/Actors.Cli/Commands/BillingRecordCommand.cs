using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Billing;
using Actors.Contracts.Billing;

namespace Actors.Cli.Commands;

/// <summary><c>actors billing record</c>: records metered usage on an account.</summary>
public sealed class BillingRecordCommand : Command
{
    private readonly AccountOptions _account = new();
    private readonly EventKeyOptions _key = new();

    private readonly Option<string> _meter = new("--meter") { Description = "What was used, e.g. api-calls.", Required = true };

    private readonly Option<long> _quantity = new("--quantity") { Description = "Units used, greater than 0.", Required = true };

    private readonly Option<long?> _unitPrice = new("--unit-price")
    {
        Description = "Price per unit in minor units (cents); omit to leave rating to a price plan.",
    };

    public BillingRecordCommand(CommandRunner runner)
        : base("record", "Record metered usage (amounts in integer minor units). Recording the same --source/--seq again is answered as a duplicate.")
    {
        _account.AddTo(this);
        _key.AddTo(this);
        Options.Add(_meter);
        Options.Add(_quantity);
        Options.Add(_unitPrice);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var parse = scope.Parse;
        var tenant = parse.GetRequiredValue(_account.Tenant);
        var account = parse.GetRequiredValue(_account.Account);
        var usage = new UsageRecorded
        {
            Source = parse.GetRequiredValue(_key.Source),
            Seq = parse.GetValue(_key.Seq),
            Currency = parse.GetRequiredValue(_key.Currency),
            OccurredAt = parse.GetValue(_key.OccurredAt) ?? DateTimeOffset.UtcNow,
            Meter = parse.GetRequiredValue(_meter),
            Quantity = parse.GetValue(_quantity),
            UnitPriceMinor = parse.GetValue(_unitPrice),
        };

        // Rejected here, before connecting, so bad input never depends on the cluster being up.
        BillingClient.Validate(tenant, account, usage);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var outcome = await client.Billing.RecordAsync(tenant, account, usage, cancellationToken);
        RecordOutcomeView.Write(scope.Output, usage.Type, outcome);
        return ExitCodes.Ok;
    }
}
