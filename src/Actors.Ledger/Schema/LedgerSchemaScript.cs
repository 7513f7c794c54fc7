namespace Actors.Ledger.Schema;

/// <summary>The ledger's schema scripts shipped in <c>cluster-config/sql/</c> and embedded in this assembly.</summary>
internal static class LedgerSchemaScript
{
    public const string Sqlite = "ledger-sqlite.sql";
    public const string Postgres = "ledger-postgres.sql";

    /// <summary>The text of the embedded script <paramref name="name"/>.</summary>
    public static string Read(string name) => EmbeddedSqlScript.Read(typeof(LedgerSchemaScript).Assembly, name);
}
