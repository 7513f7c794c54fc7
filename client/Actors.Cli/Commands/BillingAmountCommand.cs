using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Billing;
using Actors.Contracts.Billing;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors billing credit|payment|adjust</c>: records an event that moves an amount. The three share their options;
/// only the event type and the note's name (<c>--reason</c> or <c>--reference</c>) differ.
/// </summary>
public sealed class BillingAmountCommand : Command
{
    private readonly AmountEventKind _kind;
    private readonly AccountOptions _account = new();
    private readonly EventKeyOptions _key = new();
    private readonly Option<long> _amount;
    private readonly Option<string?> _note;

    public BillingAmountCommand(AmountEventKind kind, CommandRunner runner)
        : base(NameOf(kind), DescriptionOf(kind))
    {
        _kind = kind;
        _amount = new Option<long>("--amount")
        {
            Description = kind == AmountEventKind.Adjustment
                ? "Signed amount in minor units: positive charges more, negative refunds; not 0."
                : "Amount in minor units (cents), greater than 0.",
            Required = true,
        };
        _note = kind == AmountEventKind.Payment
            ? new Option<string?>("--reference") { Description = "External reference of the payment, e.g. a transfer id." }
            : new Option<string?>("--reason") { Description = "Why it was granted or posted." };

        _account.AddTo(this);
        _key.AddTo(this);
        Options.Add(_amount);
        Options.Add(_note);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private static string NameOf(AmountEventKind kind) => kind switch
    {
        AmountEventKind.Credit => "credit",
        AmountEventKind.Payment => "payment",
        AmountEventKind.Adjustment => "adjust",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string DescriptionOf(AmountEventKind kind) => kind switch
    {
        AmountEventKind.Credit => "Grant a credit (lowers the amount owed).",
        AmountEventKind.Payment => "Record a payment received (lowers the amount owed).",
        AmountEventKind.Adjustment => "Post a signed adjustment (positive charges more, negative refunds).",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var parse = scope.Parse;
        var tenant = parse.GetRequiredValue(_account.Tenant);
        var account = parse.GetRequiredValue(_account.Account);
        var source = parse.GetRequiredValue(_key.Source);
        var seq = parse.GetValue(_key.Seq);
        var currency = parse.GetRequiredValue(_key.Currency);
        var occurredAt = parse.GetValue(_key.OccurredAt) ?? DateTimeOffset.UtcNow;
        var amount = parse.GetValue(_amount);
        var note = parse.GetValue(_note);
        BillingEvent billingEvent = _kind switch
        {
            AmountEventKind.Credit => new CreditGranted
            {
                Source = source, Seq = seq, Currency = currency, OccurredAt = occurredAt, AmountMinor = amount, Reason = note,
            },
            AmountEventKind.Payment => new PaymentReceived
            {
                Source = source, Seq = seq, Currency = currency, OccurredAt = occurredAt, AmountMinor = amount, Reference = note,
            },
            AmountEventKind.Adjustment => new AdjustmentPosted
            {
                Source = source, Seq = seq, Currency = currency, OccurredAt = occurredAt, AmountMinor = amount, Reason = note,
            },
            _ => throw new InvalidOperationException($"Unknown amount event kind {_kind}."),
        };

        // Rejected here, before connecting, so bad input never depends on the cluster being up.
        BillingClient.Validate(tenant, account, billingEvent);

        await using var client = await scope.ConnectAsync(cancellationToken);
        var outcome = await client.Billing.RecordAsync(tenant, account, billingEvent, cancellationToken);
        RecordOutcomeView.Write(scope.Output, billingEvent.Type, outcome);
        return ExitCodes.Ok;
    }
}
