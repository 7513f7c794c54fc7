namespace Actors.Contracts.Billing;

/// <summary>
/// An event on a customer account. <c>(Source, Seq)</c> is the idempotency key within the account:
/// producers number their events per (account, source); gaps and reordering are allowed.
/// Amounts are integer minor units (cents) of <c>Currency</c>.
/// </summary>
[GenerateSerializer, Alias("billing.event")]
public abstract record BillingEvent
{
    /// <summary>The producer that numbered this event (a service, a meter, an import job).</summary>
    [Id(0)] public required string Source { get; init; }

    /// <summary>The producer's sequence number for this account; positive.</summary>
    [Id(1)] public required long Seq { get; init; }

    /// <summary>When the fact happened at the producer.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>ISO-4217 code of the amounts in this event, e.g. <c>USD</c>.</summary>
    [Id(3)] public required string Currency { get; init; }

    /// <summary>The event type name stored on the ledger (<c>UsageRecorded</c>, ...).</summary>
    public abstract string Type { get; }
}

/// <summary>Metered usage. Charged at <c>UnitPriceMinor</c> per unit when given; otherwise rated later by a price plan.</summary>
[GenerateSerializer, Alias("billing.usage-recorded")]
public sealed record UsageRecorded : BillingEvent
{
    [Id(0)] public required string Meter { get; init; }

    /// <summary>Whole units of the meter (choose the meter's smallest unit).</summary>
    [Id(1)] public required long Quantity { get; init; }

    /// <summary>Price per unit in minor units, if the producer prices the usage itself.</summary>
    [Id(2)] public long? UnitPriceMinor { get; init; }

    public override string Type => "UsageRecorded";
}

/// <summary>A credit granted to the customer; lowers the amount owed.</summary>
[GenerateSerializer, Alias("billing.credit-granted")]
public sealed record CreditGranted : BillingEvent
{
    [Id(0)] public required long AmountMinor { get; init; }
    [Id(1)] public string? Reason { get; init; }

    public override string Type => "CreditGranted";
}

/// <summary>A payment received from the customer; lowers the amount owed.</summary>
[GenerateSerializer, Alias("billing.payment-received")]
public sealed record PaymentReceived : BillingEvent
{
    [Id(0)] public required long AmountMinor { get; init; }
    [Id(1)] public string? Reference { get; init; }

    public override string Type => "PaymentReceived";
}

/// <summary>A signed correction of the amount owed (positive charges more, negative refunds).</summary>
[GenerateSerializer, Alias("billing.adjustment-posted")]
public sealed record AdjustmentPosted : BillingEvent
{
    [Id(0)] public required long AmountMinor { get; init; }
    [Id(1)] public string? Reason { get; init; }

    public override string Type => "AdjustmentPosted";
}
