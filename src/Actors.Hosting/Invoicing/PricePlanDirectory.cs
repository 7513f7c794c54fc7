using Actors.Domain.Invoicing;

namespace Actors.Hosting.Invoicing;

/// <summary>
/// Loads the price plan files (<c>{name}.v{version}.json</c>) of a folder into a <see cref="PricePlanCatalog"/>. The file
/// IO of pricing lives here, so the domain's plan types stay pure.
/// </summary>
public static class PricePlanDirectory
{
    /// <summary>
    /// The folder <paramref name="configured"/> names: an absolute path as is; a relative one against the working
    /// directory, or, when it does not exist there, against the application's own folder (where a published silo keeps its
    /// copy of <c>cluster-config/</c>). Null when none of them exists.
    /// </summary>
    public static string? Resolve(string configured)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configured);
        return Candidates(configured).FirstOrDefault(Directory.Exists);
    }

    /// <summary>
    /// Loads every <c>*.json</c> file of the folder <paramref name="configured"/> resolves to (see <see cref="Resolve"/>).
    /// A missing folder gives an empty catalog whose <see cref="PricePlanCatalog.Source"/> says where it was looked for,
    /// so issuing fails with that explanation while the rest of the silo runs.
    /// </summary>
    /// <exception cref="InvalidOperationException">when a file is malformed or its name disagrees with its plan; the message names the file and field.</exception>
    public static PricePlanCatalog Load(string configured)
    {
        var directory = Resolve(configured);
        if (directory is null)
        {
            return new PricePlanCatalog([],
                $"no price plan folder: '{configured}' exists neither in {string.Join(" nor in ", Candidates(configured).Select(Path.GetDirectoryName).Distinct())}; set Actors:Invoicing:PricingDirectory");
        }
        var plans = new List<PricePlan>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                plans.Add(PricePlanFile.Parse(file, File.ReadAllText(file)));
            }
            catch (PricePlanFormatException invalid)
            {
                throw new InvalidOperationException($"price plan file {file} is invalid: {invalid.Message}", invalid);
            }
        }
        try
        {
            return new PricePlanCatalog(plans, directory);
        }
        catch (ArgumentException duplicate)
        {
            throw new InvalidOperationException(duplicate.Message, duplicate);
        }
    }

    private static IEnumerable<string> Candidates(string configured) =>
        Path.IsPathRooted(configured)
            ? [Path.GetFullPath(configured)]
            : [Path.GetFullPath(configured), Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, configured))];
}
