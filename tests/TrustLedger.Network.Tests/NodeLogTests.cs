using TrustLedger.Network.Lifecycle;

namespace TrustLedger.Network.Tests;

public sealed class NodeLogTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tlnet-log-{Guid.NewGuid():N}.log");

    [Theory]
    [InlineData(3, 3)]
    [InlineData(50_000, 10)] // spans several 64 KiB chunks read from the end
    [InlineData(5, 50)]      // fewer lines than asked
    public void Tail_returns_the_last_lines_in_order(int written, int asked)
    {
        File.WriteAllLines(_path, Enumerable.Range(1, written).Select(i => $"line {i}"));

        var tail = NodeLog.Tail(_path, asked);

        Assert.Equal(Enumerable.Range(1, written).TakeLast(asked).Select(i => $"line {i}"), tail);
    }

    [Fact]
    public void Tail_of_a_missing_log_is_empty_and_a_last_line_without_newline_counts()
    {
        Assert.Empty(NodeLog.Tail(_path, 5));
        File.WriteAllText(_path, "a\nb\nc");
        Assert.Equal(["b", "c"], NodeLog.Tail(_path, 2));
    }

    public void Dispose() => File.Delete(_path);
}
