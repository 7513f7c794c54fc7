using Actors.Ledger.Schema;

namespace Actors.Ledger.Reconciliation;

/// <summary>The reconciliation store's schema scripts shipped in <c>cluster-config/sql/</c> and embedded in this assembly.</summary>
internal static class ReconciliationSchemaScript
{
    public const string Sqlite = "reconciliation-sqlite.sql";
    public const string Postgres = "reconciliation-postgres.sql";

    /// <summary>The text of the embedded script <paramref name="name"/>.</summary>
    public static string Read(string name) => EmbeddedSqlScript.Read(typeof(ReconciliationSchemaScript).Assembly, name);
}
