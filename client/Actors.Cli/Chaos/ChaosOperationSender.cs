using Actors.Client;
using Actors.Contracts.Errors;
using Actors.Contracts.Security;

namespace Actors.Cli.Chaos;

/// <summary>Sends one <see cref="ChaosOperation"/> through the SDK, once, and turns the SDK's answer into an <see cref="Acknowledgement"/>.</summary>
public sealed class ChaosOperationSender(ActorsClient client, string tenant)
{
    /// <summary>How long the reservations of the load are held unconfirmed; longer than any run, so none expires mid-run.</summary>
    public static readonly TimeSpan ReservationTtl = TimeSpan.FromHours(6);

    /// <summary>The tenant the load runs on.</summary>
    public string Tenant { get; } = tenant;

    /// <summary>One attempt at <paramref name="operation"/>; failures propagate (the caller decides whether to retry).</summary>
    public async Task<Acknowledgement> SendAsync(ChaosOperation operation, int attempt, CancellationToken cancellationToken)
    {
        var op = operation;
        switch (op.Kind)
        {
            case ChaosOperationKind.Usage:
                var usage = await client.Billing.RecordUsageAsync(Tenant, op.Target, op.Source, op.Seq, ChaosWorkload.Meter, op.Quantity,
                    op.AmountMinor, occurredAt: op.OccurredAt, cancellationToken: cancellationToken);
                return Acknowledge(op, usage.Duplicate, attempt);
            case ChaosOperationKind.Payment:
                var payment = await client.Billing.ReceivePaymentAsync(Tenant, op.Target, op.Source, op.Seq, op.AmountMinor,
                    occurredAt: op.OccurredAt, cancellationToken: cancellationToken);
                return Acknowledge(op, payment.Duplicate, attempt);
            case ChaosOperationKind.Receive:
                var receipt = await client.Inventory.ReceiveAsync(Tenant, op.Target, ChaosWorkload.Location, op.Source, op.Seq, op.Quantity,
                    op.OccurredAt, cancellationToken);
                return Acknowledge(op, receipt.Duplicate, attempt);
            case ChaosOperationKind.Reserve:
                try
                {
                    var reservation = await client.Inventory.ReserveAsync(Tenant, op.Target, ChaosWorkload.Location, op.Source, op.Quantity,
                        ReservationTtl, cancellationToken);
                    return Acknowledge(op, reservation.Duplicate, attempt);
                }
                catch (InsufficientStockException)
                {
                    // A definite answer: nothing was held, so the verifier expects nothing of it.
                    return new Acknowledgement(op, Duplicate: false, Refused: true, CaseId: null, attempt, DateTimeOffset.UtcNow);
                }
            case ChaosOperationKind.Confirm:
                var confirmation = await client.Inventory.ConfirmAsync(Tenant, op.Target, ChaosWorkload.Location, op.Source, cancellationToken);
                return Acknowledge(op, confirmation.Duplicate, attempt);
            case ChaosOperationKind.Alert:
                var alert = await client.Security.RaiseAlertAsync(Tenant, op.Source, op.Seq, AlertSeverity.Medium, "chaos-rule",
                    principal: op.Target, occurredAt: op.OccurredAt, cancellationToken: cancellationToken);
                return new Acknowledgement(op, alert.Duplicate, Refused: false, alert.CaseId, attempt, DateTimeOffset.UtcNow);
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), op.Kind, "not a chaos operation");
        }
    }

    /// <summary>
    /// True for failures that say nothing about whether the call applied (the cluster was unreachable, a silo died,
    /// a call timed out): the same call is sent again. Everything else is a definite answer and a defect of the run.
    /// </summary>
    public static bool IsTransient(Exception failure) =>
        failure is not (InvalidEventException or ConflictException or InvalidTransitionException or NotFoundException or StoreRefusedException
            or ArgumentException);

    private static Acknowledgement Acknowledge(ChaosOperation operation, bool duplicate, int attempt) =>
        new(operation, duplicate, Refused: false, CaseId: null, attempt, DateTimeOffset.UtcNow);
}
