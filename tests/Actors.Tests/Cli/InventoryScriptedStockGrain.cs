using System.Collections.Concurrent;
using Actors.Contracts.Inventory;

namespace Actors.Tests.Cli;

/// <summary>
/// A stock grain stand-in whose Reserve answers come from a script (throw this, then that, then succeed), keeping the
/// arguments of every attempt so tests can see exactly what each one sent.
/// </summary>
internal sealed class InventoryScriptedStockGrain(params Exception?[] script) : IStockGrain
{
    private static readonly StockSnapshot Snapshot = new(1, new StockBuckets(0, 1, 0, 0, 0), DateTimeOffset.UnixEpoch);
    private int _calls;

    public ConcurrentQueue<(string ReservationId, long Quantity, TimeSpan Ttl)> Reservations { get; } = new();

    public Task<ReservationOutcome> Reserve(string reservationId, long quantity, TimeSpan ttl)
    {
        Reservations.Enqueue((reservationId, quantity, ttl));
        var call = Interlocked.Increment(ref _calls) - 1;
        if (call < script.Length && script[call] is { } failure)
        {
            return Task.FromException<ReservationOutcome>(failure);
        }
        return Task.FromResult(new ReservationOutcome(reservationId, ReservationStatus.Reserved, quantity, DateTimeOffset.UnixEpoch + ttl, call > 0, Snapshot));
    }

    public Task<StockRecordOutcome> Record(StockEvent stockEvent) => throw new NotSupportedException("not scripted");

    public Task<ReservationOutcome> Confirm(string reservationId) => throw new NotSupportedException("not scripted");

    public Task<ReservationOutcome> Release(string reservationId) => throw new NotSupportedException("not scripted");

    public Task<StockSnapshot> GetSnapshot() => throw new NotSupportedException("not scripted");

    public Task<StockAvailability> GetAvailability() => throw new NotSupportedException("not scripted");
}
