using System.Net;
using System.Net.Sockets;

namespace Actors.Cli.Chaos;

/// <summary>Ports the operating system reports free on the loopback interface at the moment of asking.</summary>
public static class FreeTcpPort
{
    /// <summary>A port nobody listens on now (the OS picks it, so two runs on one machine do not collide).</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
