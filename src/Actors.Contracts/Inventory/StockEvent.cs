namespace Actors.Contracts.Inventory;

/// <summary>
/// A fact about the stock of one SKU-location. <c>(Source, Seq)</c> is the idempotency key within the SKU-location:
/// producers number their events per (SKU-location, source); gaps and reordering are allowed.
/// </summary>
[GenerateSerializer, Alias("inventory.stock-event")]
public abstract record StockEvent
{
    /// <summary>The producer that numbered this event (a WMS, a store system, an import job).</summary>
    [Id(0)] public required string Source { get; init; }

    /// <summary>The producer's sequence number for this SKU-location; positive.</summary>
    [Id(1)] public required long Seq { get; init; }

    /// <summary>When the fact happened at the producer.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The event type name stored on the ledger.</summary>
    public abstract string Type { get; }
}

/// <summary>Units arrived: available grows by <see cref="Quantity"/>.</summary>
[GenerateSerializer, Alias("inventory.stock-received")]
public sealed record StockReceived : StockEvent
{
    /// <summary>Units received; positive.</summary>
    [Id(0)] public required long Quantity { get; init; }

    /// <inheritdoc />
    public override string Type => "StockReceived";
}

/// <summary>A count correction of available units (cycle count, shrinkage); refused if available would go negative.</summary>
[GenerateSerializer, Alias("inventory.stock-adjusted")]
public sealed record StockAdjusted : StockEvent
{
    /// <summary>Signed change of available units; not zero.</summary>
    [Id(0)] public required long Delta { get; init; }

    /// <summary>Why the count changed.</summary>
    [Id(1)] public string? Reason { get; init; }

    /// <inheritdoc />
    public override string Type => "StockAdjusted";
}

/// <summary>
/// Committed units left the building: either a confirmed reservation's units (<see cref="ReservationId"/>) or
/// <see cref="Quantity"/> units not attributed to a reservation. Exactly one of the two is given.
/// </summary>
[GenerateSerializer, Alias("inventory.shipment-dispatched")]
public sealed record ShipmentDispatched : StockEvent
{
    /// <summary>The confirmed reservation whose units were dispatched.</summary>
    [Id(0)] public string? ReservationId { get; init; }

    /// <summary>Units dispatched without naming a reservation; positive when given.</summary>
    [Id(1)] public long? Quantity { get; init; }

    /// <inheritdoc />
    public override string Type => "ShipmentDispatched";
}

/// <summary>Shipped units came back: to available, or to damaged when <see cref="Damaged"/>.</summary>
[GenerateSerializer, Alias("inventory.return-received")]
public sealed record ReturnReceived : StockEvent
{
    /// <summary>Units returned; positive.</summary>
    [Id(0)] public required long Quantity { get; init; }

    /// <summary>True when the returned units cannot be sold again.</summary>
    [Id(1)] public bool Damaged { get; init; }

    /// <inheritdoc />
    public override string Type => "ReturnReceived";
}

/// <summary>Units found damaged in <see cref="FromBucket"/> (available, committed or shipped) move to damaged.</summary>
[GenerateSerializer, Alias("inventory.damage-recorded")]
public sealed record DamageRecorded : StockEvent
{
    /// <summary>Units damaged; positive.</summary>
    [Id(0)] public required long Quantity { get; init; }

    /// <summary>Where the units were when damaged.</summary>
    [Id(1)] public StockBucket FromBucket { get; init; } = StockBucket.Available;

    /// <inheritdoc />
    public override string Type => "DamageRecorded";
}
