namespace Actors.Ledger.Schema;

/// <summary>
/// The schema scripts shipped in <c>cluster-config/sql/</c>, embedded in this assembly so a silo needs no files beside it
/// to create its ledger.
/// </summary>
internal static class LedgerSchemaScript
{
    public const string Sqlite = "ledger-sqlite.sql";
    public const string Postgres = "ledger-postgres.sql";

    /// <summary>The text of the embedded script <paramref name="name"/>.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(LedgerSchemaScript).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"The schema script '{name}' is not embedded in {typeof(LedgerSchemaScript).Assembly.GetName().Name}; " +
                "check the EmbeddedResource item of Actors.Ledger.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
