namespace Actors.Contracts.Projections;

/// <summary>Where a projection rebuild stands.</summary>
public enum ProjectionRebuildState
{
    /// <summary>Replaying; readers still use the previous version.</summary>
    Running = 0,

    /// <summary>Caught up and switched: readers use the new version.</summary>
    Succeeded = 1,

    /// <summary>Stopped by an error; readers still use the previous version. Starting a rebuild again resumes it.</summary>
    Failed = 2,

    /// <summary>Stopped because its owner left (silo stopping); the next owner resumes it from its checkpoint.</summary>
    Interrupted = 3,
}
