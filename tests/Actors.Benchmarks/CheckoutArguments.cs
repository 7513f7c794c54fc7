namespace Actors.Benchmarks;

/// <summary>Arguments of <c>checkout</c>; bad input ends the program with a message and exit code 2.</summary>
internal sealed record CheckoutArguments(string Profile, int Reservations, int Concurrency, int Rounds, int WarmupRounds, string? Postgres, bool Json)
{
    public const string Usage = "checkout [--profile local|cluster] [--reservations N] [--concurrency N] [--rounds N] [--warmup N] [--postgres CS] [--json]";

    public static CheckoutArguments Parse(string[] args)
    {
        var options = new OptionValues(args, Usage);
        var (profile, postgres) = options.ProfileAndPostgres();
        return new CheckoutArguments(profile, options.Positive("reservations", 20_000), options.Positive("concurrency", 256),
            options.Positive("rounds", 5), options.NonNegative("warmup", 1), postgres, options.Json);
    }
}
