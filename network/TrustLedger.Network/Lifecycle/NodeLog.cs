using System.Text;

namespace TrustLedger.Network.Lifecycle;

/// <summary>Reads the end of a node's log without reading the whole file (logs of long runs grow large).</summary>
public static class NodeLog
{
    private const int Chunk = 64 * 1024;

    /// <summary>The last <paramref name="lines"/> lines of the file; empty when it does not exist.</summary>
    public static IReadOnlyList<string> Tail(string path, int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        if (lines == 0 || !File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var start = stream.Length;
        var newlines = 0;
        var buffer = new byte[Chunk];
        // Walk back a chunk at a time until the window holds more line ends than lines wanted (one may end the file).
        while (start > 0 && newlines <= lines)
        {
            var size = (int)Math.Min(Chunk, start);
            start -= size;
            stream.Position = start;
            stream.ReadExactly(buffer, 0, size);
            newlines += buffer.AsSpan(0, size).Count((byte)'\n');
        }
        stream.Position = start;
        var text = new StreamReader(stream, Encoding.UTF8).ReadToEnd();
        var all = text.Split('\n');
        var count = all[^1].Length == 0 ? all.Length - 1 : all.Length;
        return [.. all.Take(count).TakeLast(lines).Select(line => line.TrimEnd('\r'))];
    }
}
