using System.Text.RegularExpressions;

namespace Actors.Gateway.Validation;

/// <summary>
/// Finds the field a validation message is about. The shared validators (envelope, order, entity key) start their
/// messages with the field's name or path (<c>seq must be …</c>, <c>lines[1].quantity must be …</c>) or name it in
/// quotes (<c>unknown property 'x'</c>); reusing them keeps one set of rules and messages across SDK, CLI and gateway.
/// </summary>
public static partial class ProblemField
{
    [GeneratedRegex(@"^(?<path>[A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+)*)(?=[\s:]|$)")]
    private static partial Regex LeadingPath();

    [GeneratedRegex(@"^(?:unknown property|property) '(?<name>[^']*)'")]
    private static partial Regex QuotedProperty();

    /// <summary>The path of the field <paramref name="message"/> is about, under <paramref name="prefix"/>, or <paramref name="prefix"/> itself.</summary>
    /// <param name="message">A validation message.</param>
    /// <param name="prefix">Where the validated object sits in the request, e.g. <c>events[3]</c>; empty for the body's root.</param>
    /// <param name="fields">The names the object's fields may have (first path segment).</param>
    public static string Locate(string message, string prefix, IReadOnlyCollection<string> fields)
    {
        var quoted = QuotedProperty().Match(message);
        if (quoted.Success)
        {
            return Join(prefix, quoted.Groups["name"].Value);
        }
        var leading = LeadingPath().Match(message);
        if (leading.Success)
        {
            var path = leading.Groups["path"].Value;
            var first = path.Split('.', '[')[0];
            if (fields.Contains(first))
            {
                return Join(prefix, path);
            }
        }
        return prefix.Length == 0 ? "(body)" : prefix;
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
