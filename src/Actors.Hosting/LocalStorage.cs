namespace Actors.Hosting;

/// <summary>
/// File names of the local profile. Grain state and the ledger live in separate SQLite files because SQLite allows one writer
/// per file: the group-commit ledger writer should never wait behind a snapshot write.
/// </summary>
internal static class LocalStorage
{
    public static string LedgerPath(ActorsSiloOptions options) => Path.Combine(options.DataPath, "ledger.db");

    public static string ReconciliationPath(ActorsSiloOptions options) => Path.Combine(options.DataPath, "reconciliation.db");

    public static string OrleansConnectionString(ActorsSiloOptions options) =>
        $"Data Source={Path.Combine(options.DataPath, "orleans.db")}";
}
