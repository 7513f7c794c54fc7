namespace Actors.Cli.Commands;

/// <summary>One lane partition as <c>actors lanes status</c> reports it: the second reading plus the rate between the two.</summary>
/// <param name="Lane">The lane.</param>
/// <param name="Partition">The 0-based partition.</param>
/// <param name="Pending">Messages not yet acknowledged at the second reading (the lag).</param>
/// <param name="Committed">The committed position at the second reading.</param>
/// <param name="DeliveredTotal">The delivered total at the second reading.</param>
/// <param name="DeliveredPerSecond">Messages acknowledged per second between the two readings.</param>
/// <param name="DeadLetters">Envelopes in the lane's dead-letter queue at the second reading.</param>
public sealed record LaneStatusRate(string Lane, int Partition, long Pending, long Committed, long DeliveredTotal, double DeliveredPerSecond, long DeadLetters);
