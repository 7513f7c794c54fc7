namespace Actors.Ledger;

/// <summary>The key that makes an event unique inside a ledger: the producer's <c>(source, seq)</c> within <c>ledger</c>.</summary>
internal readonly record struct IdempotencyKey(string Ledger, string Source, long Seq)
{
    public static IdempotencyKey Of(LedgerAppend append) => new(append.Ledger, append.Source, append.Seq);

    public static IdempotencyKey Of(LedgerEntry entry) => new(entry.Ledger, entry.Source, entry.Seq);
}
