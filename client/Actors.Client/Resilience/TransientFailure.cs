using Microsoft.AspNetCore.Connections;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Actors.Client.Resilience;

/// <summary>
/// Decides which failures are worth another attempt. Only failures of the transport or of cluster availability
/// qualify: the event never reached a grain, or its answer was lost. A grain's own verdict (invalid, conflict) is final.
/// </summary>
internal static class TransientFailure
{
    /// <summary>True when <paramref name="exception"/> says the cluster was unreachable or did not answer in time.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        // The database restarting under the silo: the write may or may not have committed, and a retry with the same key
        // is applied once or answered as a duplicate.
        Contracts.Errors.StoreUnavailableException => true,
        Contracts.Errors.ActorsException => false,
        SiloUnavailableException => true,
        // Also covers GatewayTooBusyException, which derives from it.
        OrleansMessageRejectionException => true,
        ConnectionFailedException => true,
        ConnectionAbortedException => true,
        ConnectionResetException => true,
        TimeoutException => true,
        _ => false,
    };
}
