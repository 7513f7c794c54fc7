namespace Actors.Domain.Detection;

/// <summary>A rules file is malformed; <see cref="Path"/> names the field (<c>rules[2].window</c>).</summary>
public sealed class DetectionRuleFormatException : FormatException
{
    /// <summary>An error at <paramref name="path"/>.</summary>
    public DetectionRuleFormatException(string path, string problem)
        : base(path.Length == 0 ? problem : $"{path} {problem}")
    {
        Path = path;
    }

    /// <summary>The JSON path of the field that is wrong; empty for the document itself.</summary>
    public string Path { get; }
}
