namespace Actors.Domain.Inventory;

/// <summary>Close a sent transfer once its recipient holds the units.</summary>
public sealed record CompleteTransfer(string TransferId, DateTimeOffset Now);
