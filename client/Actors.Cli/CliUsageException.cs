namespace Actors.Cli;

/// <summary>An argument combination the parser cannot catch (e.g. <c>--profile cluster</c> without a connection string).</summary>
public sealed class CliUsageException(string message, Exception? innerException = null) : Exception(message, innerException);
