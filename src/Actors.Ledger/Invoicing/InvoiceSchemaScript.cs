using Actors.Ledger.Schema;

namespace Actors.Ledger.Invoicing;

/// <summary>The invoice store's schema scripts shipped in <c>cluster-config/sql/</c> and embedded in this assembly.</summary>
internal static class InvoiceSchemaScript
{
    public const string Sqlite = "invoices-sqlite.sql";
    public const string Postgres = "invoices-postgres.sql";

    /// <summary>The text of the embedded script <paramref name="name"/>.</summary>
    public static string Read(string name) => EmbeddedSqlScript.Read(typeof(InvoiceSchemaScript).Assembly, name);
}
