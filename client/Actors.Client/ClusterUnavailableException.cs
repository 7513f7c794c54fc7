namespace Actors.Client;

/// <summary>
/// The cluster could not be reached: no gateway answered within the connect timeout, or a call still failed with a
/// transient error after every retry. When thrown by a record call the event may or may not have been recorded;
/// sending it again with the same <c>(source, seq)</c> is safe.
/// </summary>
public sealed class ClusterUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="profile"/> and the <paramref name="target"/> that did not answer.</summary>
    public ClusterUnavailableException(ClusterProfile profile, string target, string message, Exception? innerException)
        : base(message, innerException)
    {
        Profile = profile;
        Target = target;
    }

    /// <summary>The profile the client was using.</summary>
    public ClusterProfile Profile { get; }

    /// <summary>What the client tried to reach (gateway address or membership database), without credentials.</summary>
    public string Target { get; }
}
