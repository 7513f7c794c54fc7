using System.Globalization;

namespace Actors.Contracts.Invoicing;

/// <summary>
/// A calendar month in UTC, written <c>yyyy-MM</c> (e.g. <c>2026-11</c>): the unit invoices are issued for and usage is
/// summed per. A usage event belongs to the window its <c>OccurredAt</c> falls in.
/// </summary>
[GenerateSerializer, Immutable, Alias("invoicing.billing-window")]
public readonly record struct BillingWindow
{
    [Id(0)] private readonly int _year;
    [Id(1)] private readonly int _month;

    /// <summary>The window of <paramref name="year"/>-<paramref name="month"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">when the year is outside 1..9999 or the month outside 1..12.</exception>
    public BillingWindow(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        _year = year;
        _month = month;
    }

    /// <summary>The year.</summary>
    public int Year => _year;

    /// <summary>The month, 1..12.</summary>
    public int Month => _month;

    /// <summary>First instant of the window (inclusive), UTC.</summary>
    public DateTimeOffset Start => new(_year, _month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>First instant after the window (exclusive), UTC.</summary>
    public DateTimeOffset End => Start.AddMonths(1);

    /// <summary>The following month.</summary>
    public BillingWindow Next => _month == 12 ? new BillingWindow(_year + 1, 1) : new BillingWindow(_year, _month + 1);

    /// <summary>The preceding month.</summary>
    public BillingWindow Previous => _month == 1 ? new BillingWindow(_year - 1, 12) : new BillingWindow(_year, _month - 1);

    /// <summary>Whether <paramref name="instant"/> falls in this window.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The window <paramref name="instant"/> falls in (taken in UTC).</summary>
    public static BillingWindow Of(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new BillingWindow(utc.Year, utc.Month);
    }

    /// <summary>Parses <c>yyyy-MM</c>.</summary>
    /// <exception cref="FormatException">when <paramref name="text"/> is not a month written <c>yyyy-MM</c>.</exception>
    public static BillingWindow Parse(string text) =>
        TryParse(text, out var window)
            ? window
            : throw new FormatException($"'{text}' is not a billing window: write the month as yyyy-MM, e.g. 2026-11.");

    /// <summary>Parses <c>yyyy-MM</c> given by a caller.</summary>
    /// <exception cref="Errors.InvalidEventException">when <paramref name="text"/> is not a month written <c>yyyy-MM</c>.</exception>
    public static BillingWindow Require(string? text) =>
        TryParse(text, out var window)
            ? window
            : throw new Errors.InvalidEventException($"'{text}' is not a billing window: write the month as yyyy-MM, e.g. 2026-11.");

    /// <summary>Parses <c>yyyy-MM</c>; false when <paramref name="text"/> is anything else.</summary>
    public static bool TryParse(string? text, out BillingWindow window)
    {
        window = default;
        if (text is null || text.Length != 7 ||
            !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ||
            parsed.Year > 9998)
        {
            return false;
        }
        window = new BillingWindow(parsed.Year, parsed.Month);
        return true;
    }

    /// <summary><c>yyyy-MM</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_year:D4}-{_month:D2}");
}
