namespace Actors.Benchmarks;

/// <summary>Arguments of <c>ingest</c>; bad input ends the program with a message and exit code 2.</summary>
internal sealed record IngestArguments(string Profile, int Events, int Accounts, int Concurrency, int Rounds, int WarmupRounds, int RawBatchSize, string? Postgres, bool Json)
{
    private const string Usage = "ingest [--profile local|cluster] [--events N] [--accounts N] [--concurrency N] [--rounds N] [--warmup N] [--raw-batch N] [--postgres CS] [--json]";

    public static IngestArguments Parse(string[] args)
    {
        var options = new OptionValues(args, Usage);
        var (profile, postgres) = options.ProfileAndPostgres();
        return new IngestArguments(profile, options.Positive("events", 20_000), options.Positive("accounts", 256),
            options.Positive("concurrency", 256), options.Positive("rounds", 5), options.NonNegative("warmup", 2),
            options.Positive("raw-batch", 500), postgres, options.Json);
    }
}
