namespace Actors.Benchmarks;

/// <summary>The <c>--name value</c> pairs and the <c>--json</c> flag of a benchmark's arguments, with typed, checked reads.</summary>
internal sealed class OptionValues
{
    private readonly Dictionary<string, string> _values = new();

    public OptionValues(string[] args, string usage)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--json")
            {
                Json = true;
                continue;
            }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'. Usage: {usage}");
            }
            _values[args[i][2..]] = args[++i];
        }
    }

    public bool Json { get; }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    /// <summary>
    /// <c>--profile local|cluster</c> (default local) and the PostgreSQL connection string the cluster profile needs
    /// (<c>--postgres</c>, else <c>ACTORS_POSTGRES</c>).
    /// </summary>
    public (string Profile, string? Postgres) ProfileAndPostgres()
    {
        var profile = Text("profile") ?? "local";
        if (profile is not ("local" or "cluster"))
        {
            throw new ArgumentException($"--profile must be local or cluster, not '{profile}'.");
        }
        var postgres = Text("postgres") ?? Environment.GetEnvironmentVariable("ACTORS_POSTGRES");
        if (profile == "cluster" && string.IsNullOrEmpty(postgres))
        {
            throw new ArgumentException("--profile cluster needs --postgres \"Host=...;Database=...\" or ACTORS_POSTGRES (cluster-config/scripts/start-postgres.sh starts one).");
        }
        return (profile, postgres);
    }

    public int Positive(string name, int fallback) => Integer(name, fallback, minimum: 1);

    public int NonNegative(string name, int fallback) => Integer(name, fallback, minimum: 0);

    private int Integer(string name, int fallback, int minimum)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"--{name} must be an integer of at least {minimum}, not '{text}'.");
    }
}
