using System.Net;
using System.Net.Sockets;

namespace Actors.Tests.Cli;

/// <summary>
/// A TCP listener on a free localhost port that never answers. Used as a gateway address to prove that a command
/// rejected its input without opening a connection: any connection attempt would sit in the accept queue.
/// </summary>
internal sealed class SilentGateway : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public SilentGateway() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool WasContacted => _listener.Pending();

    public void Dispose() => _listener.Stop();

    /// <summary>A localhost port with nothing listening on it (free at the time of the call).</summary>
    public static int UnusedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
