namespace Actors.Contracts.Invoicing;

/// <summary>
/// One meter's usage on an invoice, rated by the invoice's plan. <see cref="UsageWindow"/> is the invoice's own window,
/// or an earlier one for usage that arrived after that window's invoice and is carried into this one.
/// </summary>
/// <param name="Meter">The meter, e.g. <c>api</c>.</param>
/// <param name="UsageWindow">The window the usage occurred in (<c>yyyy-MM</c>).</param>
/// <param name="Quantity">Units of the meter.</param>
/// <param name="AmountMinor">The charge in minor units of the invoice's currency.</param>
[GenerateSerializer, Immutable, Alias("invoicing.invoice-line")]
public sealed record InvoiceLine(
    [property: Id(0)] string Meter,
    [property: Id(1)] string UsageWindow,
    [property: Id(2)] long Quantity,
    [property: Id(3)] long AmountMinor);
