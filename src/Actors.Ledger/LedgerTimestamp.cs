namespace Actors.Ledger;

/// <summary>
/// The one timestamp form both stores keep: UTC, microsecond resolution. PostgreSQL's timestamptz cannot hold .NET's
/// 100 ns ticks or an offset, so SQLite is held to the same form; otherwise the same event read from the two profiles
/// would differ, and an entry returned by an append would differ from the same entry read back later.
/// </summary>
internal static class LedgerTimestamp
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary><paramref name="value"/> as the stores keep it: converted to UTC and truncated to whole microseconds.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TicksPerMicrosecond, TimeSpan.Zero);
    }

    /// <summary>The current time as the stores keep it.</summary>
    public static DateTimeOffset Now() => Normalize(DateTimeOffset.UtcNow);

    /// <summary>Microseconds since the Unix epoch, the SQLite column form.</summary>
    public static long ToUnixMicroseconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    /// <summary>The inverse of <see cref="ToUnixMicroseconds"/>.</summary>
    public static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + microseconds * TicksPerMicrosecond, TimeSpan.Zero);

    /// <summary>The value as a UTC <see cref="DateTime"/>, the form Npgsql writes to timestamptz.</summary>
    public static DateTime ToUtcDateTime(DateTimeOffset value) => Normalize(value).UtcDateTime;

    /// <summary>A timestamptz value read by Npgsql (a UTC <see cref="DateTime"/>) as a <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset FromUtcDateTime(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
