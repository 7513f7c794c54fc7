namespace Actors.Cli.Chaos;

/// <summary>
/// One call of the chaos load with everything that makes it idempotent fixed up front (keys, amounts, time), so a
/// retry or a deliberate duplicate sends exactly the same event.
/// </summary>
/// <param name="Id">Number of the operation in the run (a deliberate duplicate gets a number of its own).</param>
/// <param name="Kind">Which call.</param>
/// <param name="Target">The account, SKU or principal it is about.</param>
/// <param name="Source">The producer part of the idempotency key (for reserve and confirm: the reservation id).</param>
/// <param name="Seq">The sequence part of the idempotency key (0 for reserve and confirm).</param>
/// <param name="Quantity">Units (usage, receive, reserve); 0 otherwise.</param>
/// <param name="AmountMinor">Usage: unit price; payment: amount; 0 otherwise.</param>
/// <param name="OccurredAt">The event time, the same on every attempt.</param>
/// <param name="DuplicateOf">For a deliberate duplicate: the id of the acknowledged operation it repeats.</param>
public sealed record ChaosOperation(
    long Id,
    ChaosOperationKind Kind,
    string Target,
    string Source,
    long Seq,
    long Quantity,
    long AmountMinor,
    DateTimeOffset OccurredAt,
    long? DuplicateOf = null)
{
    /// <summary>The idempotency key as text: kind/target/source/seq; a duplicate has the key of what it repeats.</summary>
    public string Key => $"{Kind.ToString().ToLowerInvariant()}/{Target}/{Source}/{Seq}";

    /// <summary>What the operation does to its account's balance (usage charges, payment credits); 0 for non-billing kinds.</summary>
    public long BalanceEffectMinor => Kind switch
    {
        ChaosOperationKind.Usage => Quantity * AmountMinor,
        ChaosOperationKind.Payment => -AmountMinor,
        _ => 0,
    };

    /// <summary>True for the kinds that append to an account ledger.</summary>
    public bool IsBilling => Kind is ChaosOperationKind.Usage or ChaosOperationKind.Payment;

    /// <summary>A deliberate re-send of an acknowledged operation.</summary>
    public bool IsDeliberateDuplicate => DuplicateOf is not null;
}
