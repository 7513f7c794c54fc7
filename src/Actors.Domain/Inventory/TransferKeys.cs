namespace Actors.Domain.Inventory;

/// <summary>
/// Ledger keys of shard transfers: source <c>transfer/{id}</c>; at the sender seq 1 when sent and 2 when completed, at
/// the recipient seq 1 when received. Each step happens once, so a repeat collides on the ledger's unique key.
/// </summary>
public static class TransferKeys
{
    /// <summary>The source prefix that event producers may not use.</summary>
    public const string SourcePrefix = "transfer/";

    /// <summary>The seq of the sending row (sender) and of the receiving row (recipient).</summary>
    public const long FirstSeq = 1;

    /// <summary>The seq of the completing row (sender).</summary>
    public const long CompletedSeq = 2;

    /// <summary>The ledger source of transfer <paramref name="transferId"/>.</summary>
    public static string Source(string transferId) => SourcePrefix + transferId;
}
