namespace Actors.Hosting.Schema;

/// <summary>
/// The SQL scripts under <c>cluster-config/sql/orleans-*.sql</c>, compiled into this assembly (logical name = file name)
/// so a silo can create its schema on a machine that has nothing but the silo's binaries.
/// </summary>
internal static class EmbeddedSql
{
    public static string Read(string fileName)
    {
        using var stream = typeof(EmbeddedSql).Assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException(
                $"SQL script '{fileName}' is not embedded in {typeof(EmbeddedSql).Assembly.GetName().Name}; " +
                "check the EmbeddedResource item for cluster-config/sql in Actors.Hosting.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
