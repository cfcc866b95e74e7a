using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Storage;

/// <summary>
/// Fixed ring of the latest blocks' locations and headers (followers and clients mostly read the tip).
/// Lock-free: each slot holds an immutable entry, replaced whole.
/// </summary>
internal sealed class RecentBlocks(int capacity)
{
    private readonly RecentBlock?[] _slots = new RecentBlock?[Math.Max(1, capacity)];

    public void Add(ulong height, BlockLocation location, BlockHeader header) =>
        Volatile.Write(ref _slots[Slot(height)], new RecentBlock(height, location, header));

    public RecentBlock? Get(ulong height)
    {
        var entry = Volatile.Read(ref _slots[Slot(height)]);
        return entry?.Height == height ? entry : null;
    }

    private int Slot(ulong height) => (int)(height % (ulong)_slots.Length);
}
