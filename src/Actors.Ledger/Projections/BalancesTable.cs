using System.Globalization;

namespace Actors.Ledger.Projections;

/// <summary>Names shared by the SQLite and PostgreSQL stores of the <c>balances</c> projection.</summary>
public static class BalancesTable
{
    /// <summary>The projection's name in <c>projection_checkpoints</c>.</summary>
    public const string ProjectionName = "balances";

    /// <summary>The balances table of <paramref name="version"/>, e.g. <c>balances_v2</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="version"/> is not positive.</exception>
    public static string Name(int version) => Versioned("balances", version);

    /// <summary>The usage table of <paramref name="version"/>, e.g. <c>usage_v2</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="version"/> is not positive.</exception>
    public static string UsageName(int version) => Versioned("usage", version);

    private static string Versioned(string table, int version)
    {
        // The name is spliced into SQL (identifiers cannot be parameters); an int formatted invariantly cannot inject.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        return string.Create(CultureInfo.InvariantCulture, $"{table}_v{version}");
    }
}
