namespace Actors.Cli.Chaos;

/// <summary>One invariant the chaos run checked, whether it held, and the evidence.</summary>
/// <param name="Name">What was checked, e.g. <c>balances equal the acknowledged sums</c>.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">Counts, or the first offenders when it did not hold.</param>
public sealed record ChaosCheck(string Name, bool Passed, string Detail);
