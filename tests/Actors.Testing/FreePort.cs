using System.Net;
using System.Net.Sockets;

namespace Actors.Testing;

/// <summary>Asks the OS for ports nobody listens on, so parallel test runs and a developer's silo don't collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
