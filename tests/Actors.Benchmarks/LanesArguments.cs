namespace Actors.Benchmarks;

/// <summary>Arguments of <c>lanes</c>; bad input ends the program with a message and exit code 2.</summary>
internal sealed record LanesArguments(string Profile, int CriticalRate, int BulkRate, int Seconds, int Accounts, string? Postgres, bool Json)
{
    private const string Usage = "lanes [--profile local|kafka-mock] [--postgres CS] [--critical-rate N] [--bulk-rate N] [--seconds N] [--accounts N] [--json]";

    public static LanesArguments Parse(string[] args)
    {
        var options = new OptionValues(args, Usage);
        var profile = options.Text("profile") ?? "local";
        if (profile is not ("local" or "kafka-mock"))
        {
            throw new ArgumentException($"--profile must be local or kafka-mock, not '{profile}'.");
        }
        var postgres = options.Text("postgres") ?? Environment.GetEnvironmentVariable("ACTORS_POSTGRES");
        if (profile == "kafka-mock" && string.IsNullOrEmpty(postgres))
        {
            throw new ArgumentException("--profile kafka-mock runs cluster-profile silos: it needs --postgres \"Host=...;Database=...\" or ACTORS_POSTGRES.");
        }
        var arguments = new LanesArguments(profile, options.Positive("critical-rate", 20), options.Positive("bulk-rate", 5000),
            options.Positive("seconds", 10), options.Positive("accounts", 100), postgres, options.Json);
        if (arguments.BulkRate < 50 * arguments.CriticalRate)
        {
            throw new ArgumentException($"the flood must be at least 50x the critical rate: --bulk-rate {arguments.BulkRate} < 50 x {arguments.CriticalRate}.");
        }
        return arguments;
    }
}
