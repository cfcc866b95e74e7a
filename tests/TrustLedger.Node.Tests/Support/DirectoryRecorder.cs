using System.Reflection;
using System.Threading.Channels;
using TrustLedger.Node.Grains.Watch;

namespace TrustLedger.Node.Tests.Support;

/// <summary>Stands in for the watch directory grain: records the batches the dispatcher hands it.</summary>
public sealed class DirectoryRecorder : IWatchDirectoryGrain
{
    public Channel<ChangeBatch> Batches { get; } = Channel.CreateUnbounded<ChangeBatch>();

    public Task Register(GrainId view, IReadOnlyList<WatchTopic> topics) => Task.CompletedTask;

    public Task Dispatch(ChangeBatch batch)
    {
        Batches.Writer.TryWrite(batch);
        return Task.CompletedTask;
    }

    /// <summary>A grain factory that hands out only this directory.</summary>
    public IGrainFactory AsFactory()
    {
        var factory = DispatchProxy.Create<IGrainFactory, OnlyDirectory>();
        ((OnlyDirectory)(object)factory).Directory = this;
        return factory;
    }

    public class OnlyDirectory : DispatchProxy
    {
        public DirectoryRecorder Directory { get; set; } = null!;

        protected override object? Invoke(MethodInfo? method, object?[]? args) =>
            method is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && method.GetGenericArguments()[0] == typeof(IWatchDirectoryGrain)
                ? Directory
                : throw new NotSupportedException(method?.Name);
    }
}
