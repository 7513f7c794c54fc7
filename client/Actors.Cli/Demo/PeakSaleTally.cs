namespace Actors.Cli.Demo;

/// <summary>What the shoppers of a peak sale got back.</summary>
/// <param name="Acknowledged">Checkouts whose reservation of one unit was acknowledged.</param>
/// <param name="Rejected">Checkouts refused with insufficient stock (nothing held).</param>
/// <param name="Failed">Checkouts that ended with any other error.</param>
/// <param name="DuplicatesAnswered">Acknowledged reservations answered as duplicates (an SDK retry of a call that had already succeeded).</param>
/// <param name="LatenciesMilliseconds">Each checkout's call time, in completion order.</param>
/// <param name="FirstFailure">The first unexpected error, if any.</param>
/// <param name="Elapsed">Wall time of all checkouts.</param>
public sealed record PeakSaleTally(
    long Acknowledged,
    long Rejected,
    long Failed,
    long DuplicatesAnswered,
    IReadOnlyList<double> LatenciesMilliseconds,
    string? FirstFailure,
    TimeSpan Elapsed);
