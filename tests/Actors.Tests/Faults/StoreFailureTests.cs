using System.Net.Sockets;
using Actors.Contracts.Errors;
using Actors.Hosting.Faults;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Actors.Tests.Faults;

public sealed class StoreFailureTests
{
    [Theory]
    [InlineData("57P01", "terminating connection due to administrator command")]
    [InlineData("57P03", "the database system is starting up")]
    [InlineData("08006", "connection failure")]
    [InlineData("53300", "sorry, too many clients already")]
    [InlineData("40001", "could not serialize access")]
    public void A_server_that_cannot_take_the_write_now_is_unavailable_and_retriable(string sqlState, string message)
    {
        var typed = StoreFailure.Translate(new PostgresException(message, "FATAL", "FATAL", sqlState));

        var unavailable = Assert.IsType<StoreUnavailableException>(typed);
        Assert.Contains(sqlState, unavailable.Reason);
        Assert.Contains(message, unavailable.Message);
    }

    [Theory]
    [InlineData("25006", "cannot execute INSERT in a read-only transaction")]
    [InlineData("53100", "could not extend file: No space left on device")]
    [InlineData("42501", "permission denied for table ledger")]
    public void A_server_that_refuses_the_write_for_good_is_refused(string sqlState, string message)
    {
        var typed = StoreFailure.Translate(new PostgresException(message, "ERROR", "ERROR", sqlState));

        var refused = Assert.IsType<StoreRefusedException>(typed);
        Assert.Contains(message, refused.Message);
        Assert.Contains("nothing was written", refused.Message);
    }

    [Fact]
    public void A_connection_that_never_reached_the_server_is_unavailable()
    {
        var typed = StoreFailure.Translate(new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.IsType<StoreUnavailableException>(typed);
    }

    [Theory]
    [InlineData(5, typeof(StoreUnavailableException))]   // SQLITE_BUSY
    [InlineData(13, typeof(StoreRefusedException))]      // SQLITE_FULL
    [InlineData(8, typeof(StoreRefusedException))]       // SQLITE_READONLY
    public void Sqlite_failures_are_classified_by_their_error_code(int code, Type expected)
    {
        Assert.IsType(expected, StoreFailure.Translate(new SqliteException("disk I/O", code)));
    }

    [Fact]
    public void A_database_failure_wrapped_by_another_exception_is_still_found()
    {
        var wrapped = new InvalidOperationException("grain state write failed", new PostgresException("read-only", "ERROR", "ERROR", "25006"));

        Assert.IsType<StoreRefusedException>(StoreFailure.Translate(wrapped));
    }

    [Fact]
    public void Typed_errors_and_unrelated_failures_travel_unchanged()
    {
        Assert.Null(StoreFailure.Translate(new ConflictException("acc", "src", 1)));
        Assert.Null(StoreFailure.Translate(new InvalidOperationException("not a database problem")));
        Assert.Null(StoreFailure.Translate(new TimeoutException()));
    }
}
