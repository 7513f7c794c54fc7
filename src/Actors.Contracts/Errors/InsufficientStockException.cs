using Actors.Contracts.Inventory;

namespace Actors.Contracts.Errors;

/// <summary>
/// Fewer units are available than a reservation asked for. Nothing was written; <see cref="Current"/> is the snapshot the
/// refusal was decided against, so the caller can retry with less or go elsewhere without another read.
/// </summary>
[GenerateSerializer, Alias("actors.error.insufficient-stock")]
public sealed class InsufficientStockException : ActorsException
{
    public InsufficientStockException(string entity, long requested, StockSnapshot current)
        : base($"{entity}: {requested} units requested but only {current.Buckets.Available} available at version {current.Version}.")
    {
        Entity = entity;
        Requested = requested;
        Current = current;
    }

    /// <summary>The stock grain key.</summary>
    [Id(0)] public string Entity { get; }

    /// <summary>Units the reservation asked for.</summary>
    [Id(1)] public long Requested { get; }

    /// <summary>The stock when the reservation was refused.</summary>
    [Id(2)] public StockSnapshot Current { get; }
}
