using System.Data;
using System.Data.Common;

namespace Actors.Ledger;

/// <summary>
/// How a store's timestamp columns are written and read: SQLite keeps integer microseconds, PostgreSQL timestamptz (for
/// the reconciliation stores, the one difference between the SQL both run). Either way values are UTC microseconds, see
/// <see cref="LedgerTimestamp"/>.
/// </summary>
internal sealed class TimestampColumn
{
    private readonly Func<DateTimeOffset, object> _write;
    private readonly Func<DbDataReader, int, DateTimeOffset> _read;

    private TimestampColumn(DbType type, Func<DateTimeOffset, object> write, Func<DbDataReader, int, DateTimeOffset> read)
    {
        Type = type;
        _write = write;
        _read = read;
    }

    /// <summary>SQLite: microseconds since the Unix epoch in an INTEGER column.</summary>
    public static TimestampColumn UnixMicroseconds { get; } = new(
        DbType.Int64,
        value => LedgerTimestamp.ToUnixMicroseconds(value),
        (reader, ordinal) => LedgerTimestamp.FromUnixMicroseconds(reader.GetInt64(ordinal)));

    /// <summary>PostgreSQL: timestamptz, written as a UTC <see cref="DateTime"/> (Npgsql maps <see cref="DbType.DateTimeOffset"/> to it).</summary>
    public static TimestampColumn TimestampTz { get; } = new(
        DbType.DateTimeOffset,
        value => LedgerTimestamp.ToUtcDateTime(value),
        (reader, ordinal) => LedgerTimestamp.FromUtcDateTime(reader.GetDateTime(ordinal)));

    /// <summary>The parameter type of the column.</summary>
    public DbType Type { get; }

    /// <summary>The parameter value of <paramref name="value"/> (DBNull for null).</summary>
    public object Write(DateTimeOffset? value) => value is { } v ? _write(v) : DBNull.Value;

    /// <summary>The column <paramref name="ordinal"/> of the current row, in UTC.</summary>
    public DateTimeOffset Read(DbDataReader reader, int ordinal) => _read(reader, ordinal);

    /// <summary>The nullable column <paramref name="ordinal"/> of the current row, in UTC.</summary>
    public DateTimeOffset? ReadNullable(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : _read(reader, ordinal);
}
