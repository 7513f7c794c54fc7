using Actors.Ledger.Projections;

namespace Actors.Benchmarks;

/// <summary>Arguments of <c>rebuild</c>; bad input ends the program with a message and exit code 2.</summary>
internal sealed record RebuildArguments(string Profile, int Events, int Accounts, int Rounds, int WarmupRounds, int BatchSize, string? Postgres, bool Json)
{
    public const string Usage = "rebuild [--profile local|cluster] [--events N] [--accounts N] [--rounds N] [--warmup N] [--batch N] [--postgres CS] [--json]";

    public static RebuildArguments Parse(string[] args)
    {
        var options = new OptionValues(args, Usage);
        var (profile, postgres) = options.ProfileAndPostgres();
        return new RebuildArguments(profile, options.Positive("events", 1_000_000), options.Positive("accounts", 10_000),
            options.Positive("rounds", 5), options.NonNegative("warmup", 1), options.Positive("batch", ProjectionRunner.DefaultRebuildBatchSize), postgres, options.Json);
    }
}
