namespace Actors.Contracts.Inventory;

/// <summary>Where a reservation is in its life.</summary>
public enum ReservationStatus
{
    /// <summary>Units held in <see cref="StockBucket.Reserved"/> until confirmed, released or expired.</summary>
    Reserved = 0,

    /// <summary>Units moved to <see cref="StockBucket.Committed"/>.</summary>
    Confirmed = 1,

    /// <summary>Released by the caller; units went back to available.</summary>
    Released = 2,

    /// <summary>Not confirmed within its TTL; units went back to available.</summary>
    Expired = 3,

    /// <summary>Its committed units were dispatched.</summary>
    Shipped = 4,
}
