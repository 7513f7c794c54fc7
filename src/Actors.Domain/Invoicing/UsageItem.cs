using Actors.Contracts.Billing;
using Actors.Contracts.Invoicing;
using Actors.Domain.Billing;

namespace Actors.Domain.Invoicing;

/// <summary>One <c>UsageRecorded</c> event of an account's ledger, as invoicing sees it.</summary>
/// <param name="Position">The event's position in the account's ledger.</param>
/// <param name="Source">The producer (idempotency key, with <paramref name="Seq"/>).</param>
/// <param name="Seq">The producer's sequence number.</param>
/// <param name="Meter">The meter.</param>
/// <param name="Quantity">Units used.</param>
/// <param name="UnitPriceMinor">The producer's own price, if it gave one; invoices are rated by the plan, not by this.</param>
/// <param name="OccurredAt">When the usage happened; it decides the usage's window.</param>
public sealed record UsageItem(
    long Position,
    string Source,
    long Seq,
    string Meter,
    long Quantity,
    long? UnitPriceMinor,
    DateTimeOffset OccurredAt)
{
    /// <summary>The ledger type of the events invoicing reads.</summary>
    public const string LedgerType = "UsageRecorded";

    /// <summary>The window the usage belongs to: the UTC month of <see cref="OccurredAt"/>.</summary>
    public BillingWindow Window => BillingWindow.Of(OccurredAt);

    /// <summary>The usage of <paramref name="usage"/> recorded at <paramref name="position"/>.</summary>
    public static UsageItem From(long position, UsageRecorded usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return new UsageItem(position, usage.Source, usage.Seq, usage.Meter, usage.Quantity, usage.UnitPriceMinor, usage.OccurredAt);
    }

    /// <summary>
    /// The usage on a ledger row of <paramref name="type"/> and <paramref name="payload"/>, or null for any other event
    /// type (whose payload is then not even parsed).
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">when a usage row's payload is not a valid usage event.</exception>
    public static UsageItem? FromLedger(long position, string type, string payload)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type == LedgerType
            ? From(position, (UsageRecorded)BillingEventCodec.Deserialize(type, payload))
            : null;
    }
}
