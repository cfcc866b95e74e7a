using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;

namespace TrustLedger.Node.Core.Consensus;

// Block sync and gossip: Tendermint assumes every message eventually arrives; these make it so after drops,
// partitions, restarts and wiped disks.
public sealed partial class ConsensusDriver
{
    private void AcceptCommits(CommitsWork work, Pass pass)
    {
        _bestPeerHeight = Math.Max(_bestPeerHeight, work.SenderHeight);
        foreach (var commit in work.Commits)
        {
            var height = commit.Certificate.Height;
            if (height == _core.Height && !pass.Decided)
                pass.Add(_core.Step(new CommitReceived(commit.Value, commit.Certificate)));
            else if (height > _ledger.Height && _stashedCommits.Count < MaxStashedCommits)
                _stashedCommits.TryAdd(height, commit); // after the blocks before it; the core checks it then
        }
        if (work.Commits.Count == 0 && _bestPeerHeight > _core.Height && !pass.Decided)
            _peers.AnnounceStatus(new PeerStatus(_core.Height, _core.Round));
    }

    private StatusAnswer Answer(PeerStatus peer)
    {
        if (peer.Height <= _ledger.Height)
        {
            var commits = new List<SyncedCommit>();
            var last = Math.Min(_ledger.Height, peer.Height + (ulong)_options.SyncBatch - 1);
            foreach (var block in _store.ReadBlocks(peer.Height).TakeWhile(b => b.Height <= last))
                commits.Add(new SyncedCommit(new BlockValue(block.Header, block.Transactions).Encode(), block.Commit));
            return new StatusAnswer(_core.Height, commits, []);
        }
        if (peer.Height == _core.Height)
            return new StatusAnswer(_core.Height, [], _core.Gossip().Messages);
        return StatusAnswer.Nothing(_core.Height);
    }

    // No progress since the last tick — the same height, round and step, and the core accepted nothing new — so
    // something was lost: re-send what peers may have missed and tell them where we are. A height that is merely
    // slow (a big block being checked or stored, votes still trickling in) is no stall: re-sending then would only
    // add work (each re-send carries the proposal, block and all) to nodes that are busy already.
    private void GossipIfStalled(Pass pass)
    {
        var mark = (_core.Height, _core.Round, _core.CurrentStep, _progress);
        if (mark == _lastMark)
        {
            var messages = _core.Gossip().Messages;
            pass.AfterFlush.Add(() =>
            {
                if (messages.Count > 0) _peers.Broadcast(messages);
                _peers.AnnounceStatus(new PeerStatus(mark.Height, mark.Round));
            });
        }
        _lastMark = mark;
    }
}
