namespace Actors.Contracts.Events;

/// <summary>An envelope was durably enqueued on <c>Lane</c>: it will take effect (once) even if the silo dies now.</summary>
[GenerateSerializer, Immutable, Alias("events.publish-receipt")]
public sealed record PublishReceipt(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Entity,
    [property: Id(2)] string Source,
    [property: Id(3)] long Seq,
    [property: Id(4)] string Lane);
