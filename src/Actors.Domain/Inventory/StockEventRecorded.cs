using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary>A stock event accepted as is; keyed by the event's own <c>(Source, Seq)</c>.</summary>
public sealed record StockEventRecorded(StockEvent Event) : StockTransition
{
    /// <inheritdoc />
    public override string LedgerSource => Event.Source;

    /// <inheritdoc />
    public override long LedgerSeq => Event.Seq;

    /// <inheritdoc />
    public override DateTimeOffset At => Event.OccurredAt;
}
