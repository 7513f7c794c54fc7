using Actors.Contracts.Errors;

namespace Actors.Contracts.Projections;

/// <summary>The projections a cluster runs, by the name their owner grain is keyed with.</summary>
public static class ProjectionNames
{
    /// <summary>Balances per account and currency, and usage per meter and billing window.</summary>
    public const string Balances = "balances";

    /// <summary>Every projection name, in the order status lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Balances];

    /// <summary>Throws <see cref="InvalidEventException"/> unless <paramref name="name"/> is a projection of this cluster.</summary>
    public static void Validate(string? name)
    {
        if (name is null || !All.Contains(name, StringComparer.Ordinal))
        {
            throw new InvalidEventException($"projection '{name}' does not exist; projections are: {string.Join(", ", All)}.");
        }
    }
}
