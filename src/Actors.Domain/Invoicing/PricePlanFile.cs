using System.Globalization;
using System.Text.RegularExpressions;

namespace Actors.Domain.Invoicing;

/// <summary>
/// The file form of a price plan: <c>{name}.v{version}.json</c> in <c>cluster-config/pricing/</c>. The file name must agree
/// with the plan it holds, so that the file an operator edits is the version invoices are issued under.
/// </summary>
public static partial class PricePlanFile
{
    /// <summary>The file name of <paramref name="plan"/>'s version, e.g. <c>standard.v2.json</c>.</summary>
    public static string NameOf(PricePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return string.Create(CultureInfo.InvariantCulture, $"{plan.Id.Name}.v{plan.Id.Version}.json");
    }

    /// <summary>Reads the plan in <paramref name="json"/>, the content of the file called <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The file's name (a path is allowed; only its last part counts).</param>
    /// <param name="json">The file's content.</param>
    /// <exception cref="PricePlanFormatException">when the content is malformed or its name and version disagree with the file name; the message starts with the file name.</exception>
    public static PricePlan Parse(string fileName, string json)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName);
        PricePlan plan;
        try
        {
            plan = PricePlan.Parse(json);
        }
        catch (PricePlanFormatException invalid)
        {
            throw new PricePlanFormatException(invalid.Field, $"{invalid.Problem} (in {name})", invalid);
        }
        var match = FileNamePattern().Match(name);
        if (!match.Success)
        {
            throw new PricePlanFormatException("", $"{name}: a price plan file must be named {{name}}.v{{version}}.json, e.g. {NameOf(plan)}.");
        }
        if (match.Groups["name"].Value != plan.Id.Name || match.Groups["version"].Value != plan.Id.Version.ToString(CultureInfo.InvariantCulture))
        {
            throw new PricePlanFormatException("name",
                $"{name} holds plan {plan.Id} but its file name says {match.Groups["name"].Value}@{match.Groups["version"].Value}; rename the file to {NameOf(plan)} or fix name/version inside.");
        }
        return plan;
    }

    [GeneratedRegex(@"^(?<name>[a-z0-9-]+)\.v(?<version>[1-9][0-9]*)\.json$")]
    private static partial Regex FileNamePattern();
}
