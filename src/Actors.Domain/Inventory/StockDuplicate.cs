namespace Actors.Domain.Inventory;

/// <summary>
/// A retry of something already applied: answer the original outcome, write nothing. <see cref="Reservation"/> is the
/// reservation as it stands for reservation commands, null for stock events.
/// </summary>
public sealed record StockDuplicate(Reservation? Reservation) : StockDecision;
