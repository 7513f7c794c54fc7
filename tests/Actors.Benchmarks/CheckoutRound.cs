namespace Actors.Benchmarks;

/// <summary>One scenario of one round of <c>checkout</c>: every reservation of the round against a SKU split over <see cref="Shards"/> shards.</summary>
internal sealed record CheckoutRound(int Round, int Shards, int Reservations, double Seconds, double P50Milliseconds, double P99Milliseconds)
{
    public double ReservationsPerSecond => Reservations / Seconds;
}
