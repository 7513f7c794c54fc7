namespace Actors.Benchmarks;

/// <summary>Arguments of <c>reconcile</c>; bad input ends the program with a message and exit code 2.</summary>
internal sealed record ReconcileArguments(string Profile, int Accounts, int Rounds, int BatchSize, int Parallelism, string? Postgres, bool Json)
{
    public const string Usage = "reconcile [--profile local|cluster] [--accounts N] [--rounds N] [--batch N] [--parallelism N] [--postgres CS] [--json]";

    public static ReconcileArguments Parse(string[] args)
    {
        var options = new OptionValues(args, Usage);
        var (profile, postgres) = options.ProfileAndPostgres();
        return new ReconcileArguments(profile, options.Positive("accounts", 100_000), options.Positive("rounds", 3),
            options.Positive("batch", 500), options.Positive("parallelism", 4), postgres, options.Json);
    }
}
