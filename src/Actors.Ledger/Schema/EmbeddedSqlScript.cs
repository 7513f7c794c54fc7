using System.Reflection;

namespace Actors.Ledger.Schema;

/// <summary>
/// Reads the SQL scripts of <c>cluster-config/sql/</c> that an assembly embeds (logical name = file name), so a silo can
/// create its schemas on a machine that has nothing but the silo's binaries.
/// </summary>
public static class EmbeddedSqlScript
{
    /// <summary>The text of the script <paramref name="fileName"/> embedded in <paramref name="assembly"/>.</summary>
    public static string Read(Assembly assembly, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException(
                $"SQL script '{fileName}' is not embedded in {assembly.GetName().Name}; check the EmbeddedResource item for cluster-config/sql in its project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
