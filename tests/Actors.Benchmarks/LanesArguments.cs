namespace Actors.Benchmarks;

/// <summary>Arguments of <c>lanes</c>; bad input ends the program with a message and exit code 2.</summary>
internal sealed record LanesArguments(int CriticalRate, int BulkRate, int Seconds, int Accounts, bool Json)
{
    public static LanesArguments Parse(string[] args)
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
                throw new ArgumentException($"unexpected argument '{args[i]}'. Usage: lanes [--critical-rate N] [--bulk-rate N] [--seconds N] [--accounts N] [--json]");
            }
            values[args[i][2..]] = args[++i];
        }
        var arguments = new LanesArguments(Positive(values, "critical-rate", 20), Positive(values, "bulk-rate", 5000),
            Positive(values, "seconds", 10), Positive(values, "accounts", 100), json);
        if (arguments.BulkRate < 50 * arguments.CriticalRate)
        {
            throw new ArgumentException($"the flood must be at least 50x the critical rate: --bulk-rate {arguments.BulkRate} < 50 x {arguments.CriticalRate}.");
        }
        return arguments;
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
