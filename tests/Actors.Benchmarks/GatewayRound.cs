namespace Actors.Benchmarks;

/// <summary>One mode of one round of <c>gateway</c>: every request of the round through the gateway with its protections on or off.</summary>
internal sealed record GatewayRound(int Round, bool Protected, int Requests, double Seconds, double P50Milliseconds, double P99Milliseconds)
{
    public double RequestsPerSecond => Requests / Seconds;
}
