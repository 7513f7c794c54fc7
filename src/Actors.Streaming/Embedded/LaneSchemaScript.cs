namespace Actors.Streaming.Embedded;

/// <summary>
/// The embedded lanes' SQL scripts of <c>cluster-config/sql/</c>, embedded in this assembly (logical name = file name), so a
/// silo creates its queue on a machine that has nothing but the silo's binaries.
/// </summary>
internal static class LaneSchemaScript
{
    /// <summary>The SQLite schema of the embedded lanes.</summary>
    public const string Sqlite = "lanes-sqlite.sql";

    /// <summary>The text of the embedded script <paramref name="fileName"/>.</summary>
    public static string Read(string fileName)
    {
        var assembly = typeof(LaneSchemaScript).Assembly;
        using var stream = assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException(
                $"SQL script '{fileName}' is not embedded in {assembly.GetName().Name}; check the EmbeddedResource item for cluster-config/sql in its project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
