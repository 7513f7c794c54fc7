namespace Actors.Contracts.Reconciliation;

/// <summary>Where a reconciliation run is.</summary>
public enum RunState
{
    /// <summary>Checking accounts; an interrupted run resumes from its cursor.</summary>
    Running = 1,

    /// <summary>Every account was checked.</summary>
    Completed = 2,

    /// <summary>Stopped on an error (see the run's error).</summary>
    Failed = 3,
}
