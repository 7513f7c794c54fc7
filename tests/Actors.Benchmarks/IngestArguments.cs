namespace Actors.Benchmarks;

/// <summary>Arguments of <c>ingest</c>; bad input ends the program with a message and exit code 2.</summary>
internal sealed record IngestArguments(string Profile, int Events, int Accounts, int Concurrency, int Rounds, int WarmupRounds, int RawBatchSize, string? Postgres, bool Json)
{
    public static IngestArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--json")
            {
                json = true;
                continue;
            }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'. Usage: ingest [--profile local|cluster] [--events N] [--accounts N] [--concurrency N] [--rounds N] [--warmup N] [--raw-batch N] [--postgres CS] [--json]");
            }
            values[args[i][2..]] = args[++i];
        }
        var profile = values.GetValueOrDefault("profile", "local");
        if (profile is not ("local" or "cluster"))
        {
            throw new ArgumentException($"--profile must be local or cluster, not '{profile}'.");
        }
        var postgres = values.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("ACTORS_POSTGRES");
        if (profile == "cluster" && string.IsNullOrEmpty(postgres))
        {
            throw new ArgumentException("--profile cluster needs --postgres \"Host=...;Database=...\" or ACTORS_POSTGRES (cluster-config/scripts/start-postgres.sh starts one).");
        }
        return new IngestArguments(profile, Positive(values, "events", 20_000), Positive(values, "accounts", 256),
            Positive(values, "concurrency", 256), Positive(values, "rounds", 5), NonNegative(values, "warmup", 2), Positive(values, "raw-batch", 500), postgres, json);
    }

    private static int NonNegative(Dictionary<string, string> values, string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, out var value) && value >= 0 ? value : throw new ArgumentException($"--{name} must be 0 or a positive integer, not '{text}'.");
    }

    private static int Positive(Dictionary<string, string> values, string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"--{name} must be a positive integer, not '{text}'.");
    }
}
