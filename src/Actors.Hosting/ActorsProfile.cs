namespace Actors.Hosting;

/// <summary>Where a silo keeps its state and how it finds its peers.</summary>
public enum ActorsProfile
{
    /// <summary>Embedded: one silo on localhost, SQLite files under the data directory. Needs nothing installed.</summary>
    Local,

    /// <summary>Many silos: membership, grain state, reminders and the ledger on PostgreSQL.</summary>
    Cluster,
}
