using System.Data.Common;
using System.Net.Sockets;
using Actors.Contracts.Errors;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Actors.Hosting.Faults;

/// <summary>
/// Turns a database failure raised inside a grain into the typed error a caller can act on. Provider exceptions cannot
/// cross to clients (they have no Orleans codec, so the caller would see a serialization failure instead of the reason),
/// and a caller needs one answer: retry (<see cref="StoreUnavailableException"/>) or stop and fix the database
/// (<see cref="StoreRefusedException"/>).
/// </summary>
public static class StoreFailure
{
    // SQL states that mean "the server cannot take this now, but will": connection loss, shutdown in progress,
    // start-up, too many connections, and the transaction conflicts a retry resolves.
    private static readonly string[] TransientStatePrefixes = ["08", "57P", "53300", "40001", "40P01", "55P03", "58000", "58030"];

    // Npgsql counts every "insufficient resources" state as transient, but a full disk stays full until someone frees
    // space, and a read-only database stays read-only until someone switches it: callers must hear "operator needed".
    private static readonly HashSet<string> RefusedStates = ["53100", "25006", "42501"];

    /// <summary>
    /// The typed error for <paramref name="exception"/> when it (or an inner exception) is a database failure; otherwise
    /// <see langword="null"/> and the exception travels unchanged.
    /// </summary>
    public static ActorsException? Translate(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case ActorsException:
                    return null;
                case PostgresException postgres:
                    return Classify(postgres);
                case NpgsqlException npgsql:
                    // No SQL state: the server never answered (refused, reset, timed out).
                    return new StoreUnavailableException($"PostgreSQL: {OneLine(npgsql.InnerException?.Message ?? npgsql.Message)}");
                case SqliteException sqlite:
                    return Classify(sqlite);
                case DbException other:
                    return other.IsTransient
                        ? new StoreUnavailableException(OneLine(other.Message))
                        : new StoreRefusedException(OneLine(other.Message));
                case SocketException socket when current != exception:
                    return new StoreUnavailableException(OneLine(socket.Message));
            }
        }
        return null;
    }

    private static ActorsException Classify(PostgresException postgres)
    {
        var reason = $"PostgreSQL {postgres.SqlState}: {OneLine(postgres.MessageText)}";
        if (RefusedStates.Contains(postgres.SqlState))
        {
            return new StoreRefusedException(reason);
        }
        return postgres.IsTransient || TransientStatePrefixes.Any(p => postgres.SqlState.StartsWith(p, StringComparison.Ordinal))
            ? new StoreUnavailableException(reason)
            : new StoreRefusedException(reason);
    }

    private static ActorsException Classify(SqliteException sqlite)
    {
        var reason = $"SQLite error {sqlite.SqliteErrorCode}: {OneLine(sqlite.Message)}";
        // SQLITE_BUSY (5) and SQLITE_LOCKED (6) pass when the other writer finishes; full disk, read-only file, I/O and
        // permission errors (13, 8, 10, 14, 23) need an operator.
        return sqlite.SqliteErrorCode is 5 or 6
            ? new StoreUnavailableException(reason)
            : new StoreRefusedException(reason);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
