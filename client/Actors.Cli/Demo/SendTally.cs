namespace Actors.Cli.Demo;

/// <summary>What the send phase of a retry storm observed.</summary>
public sealed record SendTally(long Sends, long DuplicatesAnswered, long FailedSends, string? FirstFailure, TimeSpan Elapsed);
