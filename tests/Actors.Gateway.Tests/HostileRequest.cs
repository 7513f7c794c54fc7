namespace Actors.Gateway.Tests;

/// <summary>One generated request: what kind of abuse it is, and everything needed to send it.</summary>
public sealed record HostileRequest(
    string Kind,
    HttpMethod Method,
    string Path,
    IReadOnlyList<string> Authorization,
    string? ContentType,
    byte[]? Body,
    IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders)
{
    public override string ToString() =>
        $"{Kind}: {Method} {Path} auth={string.Join("|", Authorization.Select(a => a.Length > 40 ? a[..40] + "..." : a))} type={ContentType} body={(Body is null ? "none" : Preview(Body))}";

    private static string Preview(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length <= 200 ? text : text[..200] + $"... ({body.Length} bytes)";
    }
}
