using TrustLedger.Network.Lifecycle;

namespace TrustLedger.Network.Commands;

/// <summary>
/// The "waiting for nodes" line on stderr (stdout stays clean for --json): rewritten in place on a terminal, one line per
/// change otherwise. Reports synchronously, unlike <see cref="Progress{T}"/>, so lines never arrive out of order.
/// </summary>
internal sealed class ConsoleProgress : IProgress<ReadinessProgress>
{
    private int _lastReady = -1;
    private bool _open;

    public void Report(ReadinessProgress value)
    {
        var line = $"waiting for nodes to answer: {value.Ready}/{value.Total} ready ({value.Elapsed.TotalSeconds:0.0} s)";
        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write($"\r{line}   ");
            _open = true;
        }
        else if (value.Ready != _lastReady) Console.Error.WriteLine(line);
        _lastReady = value.Ready;
    }

    /// <summary>Ends the in-place line, if one is open.</summary>
    public void Finish()
    {
        if (_open) Console.Error.WriteLine();
        _open = false;
    }
}
