using System.Threading.Channels;
using Grpc.Core;

namespace TrustLedger.Node.Tests.Support;

/// <summary>
/// A server stream whose client reads only the first <paramref name="free"/> messages at once and then stalls until
/// <see cref="Release"/>: a slow watcher.
/// </summary>
public sealed class GatedWriter<T>(int free) : IServerStreamWriter<T>
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;

    public WriteOptions? WriteOptions { get; set; }

    /// <summary>Messages the client has read, in order.</summary>
    public Channel<T> Written { get; } = Channel.CreateUnbounded<T>();

    public void Release() => _gate.TrySetResult();

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _writes) > free) await _gate.Task.WaitAsync(cancellationToken);
        Written.Writer.TryWrite(message);
    }
}
