using LiteDB;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Storage;

internal sealed partial class BlockIndex
{
    /// <summary>The slow path's bookkeeping: skips ids seen before, sends key collisions to the side collection.</summary>
    private sealed class FirstOccurrence(BlockIndex index)
    {
        private readonly HashSet<Hash32> _seen = [];
        private readonly Dictionary<long, Hash32> _keysTaken = [];

        public void Add(Hash32 id, ulong height, int position, List<BsonDocument> txs)
        {
            if (!_seen.Add(id)) return; // repeated within this batch
            var key = index.Key(id);
            if (!_keysTaken.TryGetValue(key, out var owner))
            {
                var committed = index._txs.FindById(key);
                if (committed is null)
                {
                    _keysTaken[key] = id;
                    txs.Add(index.TxDoc(id, height, position));
                    return;
                }
                owner = IdOf(committed);
                _keysTaken[key] = owner;
            }
            if (owner == id) return; // committed in an earlier batch
            if (index._collided.FindById(new BsonValue(id.ToArray())) is null)
                index._collided.Insert(CollidedDoc(id, height, position));
        }
    }
}
