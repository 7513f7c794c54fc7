namespace Actors.Ledger.Projections;

/// <summary>Names shared by the SQLite and PostgreSQL stores of the <c>balances</c> projection.</summary>
public static class BalancesTable
{
    /// <summary>The projection's name in <c>projection_checkpoints</c>.</summary>
    public const string ProjectionName = "balances";

    /// <summary>The read model table of <paramref name="version"/>, e.g. <c>balances_v2</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="version"/> is not positive.</exception>
    public static string Name(int version)
    {
        // The name is spliced into SQL (identifiers cannot be parameters); an int formatted invariantly cannot inject.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"balances_v{version}");
    }
}
