namespace TrustLedger.Network;

/// <summary>A problem the user can act on, shown as one line (and exit code 1) by <c>tlnet</c>.</summary>
public class NetworkException(string message) : Exception(message);

/// <summary>A port a node needs is taken by another process.</summary>
public sealed class PortInUseException(int port, string message) : NetworkException(message)
{
    public int Port { get; } = port;
}

/// <summary>A node process ended before it answered; the message carries the tail of its log.</summary>
public sealed class NodeExitedException(int node, string message) : NetworkException(message)
{
    public int Node { get; } = node;
}
