using System.Globalization;

namespace Actors.Contracts.Invoicing;

/// <summary>
/// A named, versioned price plan, written <c>name@version</c> (e.g. <c>standard@2</c>). A version never changes once
/// invoices were issued under it; a new price is a new version.
/// </summary>
[GenerateSerializer, Immutable, Alias("invoicing.price-plan-id")]
public sealed record PricePlanId
{
    /// <summary>A plan id.</summary>
    /// <exception cref="ArgumentException">when the name is not 1..64 of <c>[a-z0-9-]</c> or the version is not positive.</exception>
    public PricePlanId(string name, int version)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a price plan name: use 1..64 of a-z, 0-9 and '-'.", nameof(name));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        Name = name;
        Version = version;
    }

    /// <summary>The plan's name, e.g. <c>standard</c>.</summary>
    [Id(0)] public string Name { get; }

    /// <summary>The plan's version, from 1.</summary>
    [Id(1)] public int Version { get; }

    /// <summary>Parses <c>name@version</c>.</summary>
    /// <exception cref="FormatException">when <paramref name="text"/> is not of that form.</exception>
    public static PricePlanId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException(NotAPlan(text));

    /// <summary>Parses <c>name@version</c> given by a caller.</summary>
    /// <exception cref="Errors.InvalidEventException">when <paramref name="text"/> is not of that form.</exception>
    public static PricePlanId Require(string? text) =>
        TryParse(text, out var id) ? id : throw new Errors.InvalidEventException(NotAPlan(text));

    /// <summary>Parses <c>name@version</c>; false when <paramref name="text"/> is anything else.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PricePlanId? id)
    {
        id = null;
        var at = text is null ? -1 : text.LastIndexOf('@');
        if (text is null || at <= 0 ||
            !int.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ||
            version <= 0 || !IsValidName(text[..at]))
        {
            return false;
        }
        id = new PricePlanId(text[..at], version);
        return true;
    }

    /// <summary><c>name@version</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}@{Version}");

    private static string NotAPlan(string? text) => $"'{text}' is not a price plan: write name@version, e.g. standard@1.";

    private static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
