namespace Actors.Benchmarks;

/// <summary>Arguments of <c>lanes</c>; bad input ends the program with a message and exit code 2.</summary>
internal sealed record LanesArguments(int CriticalRate, int BulkRate, int Seconds, int Accounts, bool Json)
{
    private const string Usage = "lanes [--critical-rate N] [--bulk-rate N] [--seconds N] [--accounts N] [--json]";

    public static LanesArguments Parse(string[] args)
    {
        var options = new OptionValues(args, Usage);
        var arguments = new LanesArguments(options.Positive("critical-rate", 20), options.Positive("bulk-rate", 5000),
            options.Positive("seconds", 10), options.Positive("accounts", 100), options.Json);
        if (arguments.BulkRate < 50 * arguments.CriticalRate)
        {
            throw new ArgumentException($"the flood must be at least 50x the critical rate: --bulk-rate {arguments.BulkRate} < 50 x {arguments.CriticalRate}.");
        }
        return arguments;
    }
}
