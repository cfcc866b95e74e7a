using System.Net;
using System.Net.Sockets;

namespace TrustLedger.Network.Processes;

/// <summary>
/// Whether a loopback port can be listened on right now (a node binds gRPC, silo and gateway on 127.0.0.1). Binds with
/// SO_REUSEADDR, as the node's servers do: connections of a stopped or killed node linger in TIME_WAIT on its ports and
/// must not count as "in use", while another process listening there still does.
/// </summary>
public static class PortProbe
{
    public static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
