namespace Actors.Cli;

/// <summary>The process exit codes of <c>actors</c>; scripts branch on them, so they never change meaning.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>Any other failure (including a retry-storm whose balances did not match).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or invalid input; nothing was sent or written.</summary>
    public const int InvalidInput = 2;

    /// <summary>The cluster could not be reached.</summary>
    public const int ClusterUnavailable = 3;

    /// <summary>
    /// The same (source, seq) was already recorded with a different payload, or the command is not allowed in the current
    /// state (acknowledging a resolved exception, reserving more units than are available, an order that could not be
    /// fulfilled).
    /// </summary>
    public const int Conflict = 4;

    /// <summary>What the command names does not exist (an exception key, a run, a reservation, an order). Nothing was written.</summary>
    public const int NotFound = 5;

    /// <summary>
    /// The cluster's database refused the write for a reason retrying does not fix (read-only, disk full, no privilege).
    /// Nothing was written; an operator must fix the database.
    /// </summary>
    public const int StoreRefused = 6;

    /// <summary>A verification run (<c>actors chaos</c>) found an acknowledged event lost or applied twice, or a broken invariant.</summary>
    public const int VerificationFailed = 7;

    /// <summary>Interrupted (Ctrl-C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
