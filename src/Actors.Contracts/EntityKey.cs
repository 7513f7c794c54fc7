using System.Text.RegularExpressions;
using Actors.Contracts.Errors;

namespace Actors.Contracts;

/// <summary>
/// Grain keys are <c>tenant/entity</c>. Both parts are validated here, once, so that the SDK, the CLI,
/// the gateway and the grains reject the same bad input with the same message.
/// </summary>
public static partial class EntityKey
{
    /// <summary>Longest accepted tenant or entity id.</summary>
    public const int MaxPartLength = 128;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:@-]*$")]
    private static partial Regex AllowedPart();

    /// <summary>Builds the grain key for <paramref name="entity"/> owned by <paramref name="tenant"/>.</summary>
    /// <exception cref="InvalidEventException">when either part is empty, too long or has characters outside <c>[A-Za-z0-9._:@-]</c>.</exception>
    public static string Format(string tenant, string entity)
    {
        Validate("tenant", tenant);
        Validate("entity", entity);
        return $"{tenant}/{entity}";
    }

    /// <summary>Splits a grain key made by <see cref="Format"/> back into its parts.</summary>
    public static (string Tenant, string Entity) Parse(string key)
    {
        var slash = key.IndexOf('/');
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new InvalidEventException($"'{key}' is not a tenant/entity key.");
        }
        var tenant = key[..slash];
        var entity = key[(slash + 1)..];
        Validate("tenant", tenant);
        Validate("entity", entity);
        return (tenant, entity);
    }

    /// <summary>Throws <see cref="InvalidEventException"/> unless <paramref name="value"/> is a valid key part.</summary>
    public static void Validate(string what, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidEventException($"{what} is required.");
        }
        if (value.Length > MaxPartLength)
        {
            throw new InvalidEventException($"{what} is longer than {MaxPartLength} characters.");
        }
        if (!AllowedPart().IsMatch(value))
        {
            throw new InvalidEventException($"{what} '{value}' may only contain letters, digits and . _ : @ - (and must start with a letter or digit).");
        }
    }
}
