namespace Actors.Fulfillment;

/// <summary>What kind of site a fulfillment location is.</summary>
public enum LocationKind
{
    /// <summary>A retail store that can also ship orders.</summary>
    Store,

    /// <summary>A warehouse or distribution centre.</summary>
    Warehouse,
}
