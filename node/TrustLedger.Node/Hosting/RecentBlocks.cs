using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Hosting;

/// <summary>The last few committed blocks, decoded, so receipts of fresh transactions are served without disk reads.</summary>
public sealed class RecentBlocks(int capacity)
{
    private readonly Block?[] _ring = new Block?[capacity];

    public void Add(Block block) => Volatile.Write(ref _ring[block.Height % (ulong)_ring.Length], block);

    public Block? Get(ulong height)
    {
        var block = Volatile.Read(ref _ring[height % (ulong)_ring.Length]);
        return block?.Height == height ? block : null;
    }
}
