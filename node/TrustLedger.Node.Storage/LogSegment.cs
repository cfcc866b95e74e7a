using Microsoft.Win32.SafeHandles;

namespace TrustLedger.Node.Storage;

/// <summary>
/// One segment file. Readers share one read-only handle and use positional reads, which are safe while the
/// writer appends through its own stream.
/// </summary>
internal sealed class LogSegment : IDisposable
{
    private SafeFileHandle? _readHandle;
    private long _length;
    private volatile bool _disposed;

    public LogSegment(int number, string path, long length)
    {
        Number = number;
        Path = path;
        _length = length;
    }

    public int Number { get; }
    public string Path { get; }

    /// <summary>Bytes in the file known to the store; grows only by the writer, after each fsync.</summary>
    public long Length
    {
        get => Volatile.Read(ref _length);
        set => Volatile.Write(ref _length, value);
    }

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes at <paramref name="offset"/>; fewer only at end of file.</summary>
    public int Read(long offset, Span<byte> buffer)
    {
        var handle = ReadHandle();
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>Current size of the file on disk (may exceed <see cref="Length"/> while recovering a torn tail).</summary>
    public long FileLength() => RandomAccess.GetLength(ReadHandle());

    public void Dispose()
    {
        _disposed = true;
        Interlocked.Exchange(ref _readHandle, null)?.Dispose();
    }

    private SafeFileHandle ReadHandle()
    {
        var handle = Volatile.Read(ref _readHandle);
        if (handle is not null) return handle;
        ObjectDisposedException.ThrowIf(_disposed, this); // a late reader must not reopen a closed segment
        var opened = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var winner = Interlocked.CompareExchange(ref _readHandle, opened, null);
        if (winner is null) return opened;
        opened.Dispose(); // another reader opened it first
        return winner;
    }
}
