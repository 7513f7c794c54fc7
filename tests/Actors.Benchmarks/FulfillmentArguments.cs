namespace Actors.Benchmarks;

/// <summary>Arguments of <c>fulfillment</c>; bad input ends the program with a message and exit code 2.</summary>
internal sealed record FulfillmentArguments(int Orders, int Locations, int BudgetMs, int ReferenceMs, int Seed, bool Json)
{
    public const string Usage = "fulfillment [--orders N] [--locations N] [--budget-ms N] [--reference-ms N] [--seed S] [--json]";

    public static FulfillmentArguments Parse(string[] args)
    {
        var options = new OptionValues(args, Usage);
        var arguments = new FulfillmentArguments(options.Positive("orders", 200), options.Positive("locations", 50),
            options.Positive("budget-ms", 50), options.Positive("reference-ms", 2_000), options.NonNegative("seed", 1), options.Json);
        // The reference must have at least the production budget, or the gap would measure the wrong way round.
        return arguments.ReferenceMs < arguments.BudgetMs
            ? throw new ArgumentException($"--reference-ms ({arguments.ReferenceMs}) must be at least --budget-ms ({arguments.BudgetMs}).")
            : arguments;
    }
}
