using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Membership;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Execution;

/// <summary>
/// Executes transactions in order against committed state. Pure and deterministic: the same state,
/// transactions, height and block time give the same receipts and writes on every node and in every replay.
/// </summary>
public sealed class BlockExecutor(ChainConfig chain, ContractRegistry contracts)
{
    public ChainConfig Chain { get; } = chain;
    public ContractRegistry Contracts { get; } = contracts;

    /// <summary>Every contract of this release, configured for <paramref name="chain"/>.</summary>
    public static BlockExecutor ForChain(ChainConfig chain) => new(chain, ContractRegistry.Create(chain.Suite, chain.ChainId));

    /// <summary>
    /// Runs one transaction's contract against <paramref name="state"/> and throws its writes away: how admission
    /// refuses an unauthorised or invalid action up front, so it is never stored. The block decides finally.
    /// </summary>
    public Receipt DryRun(IStateStore state, SignedTransaction tx, string organisation, ulong height, long timeMs) =>
        RunContract(tx, organisation, new StateOverlay(state), height, timeMs);

    /// <summary>
    /// Runs <paramref name="candidates"/>. A transaction whose envelope fails against state (not a member,
    /// nonce used, outside its window) is dropped; one the contract refuses is included with a failed receipt
    /// and its nonce consumed, so the refusal is on the record and cannot be replayed.
    /// Signatures must already be verified (admission does it in parallel; block sync does it before calling).
    /// </summary>
    public ExecutionResult Execute(IStateStore committed, IReadOnlyList<SignedTransaction> candidates, ulong height, long blockTimeMs)
    {
        var block = new StateOverlay(committed);
        var included = new List<SignedTransaction>(candidates.Count);
        var receipts = new List<Receipt>(candidates.Count);
        var dropped = new List<TxRejection>();

        foreach (var tx in candidates)
        {
            var refusal = EnvelopeRules.CheckShape(tx, Chain) ?? EnvelopeRules.CheckWindow(tx, blockTimeMs);
            if (refusal is not null)
            {
                dropped.Add(refusal);
                continue;
            }
            var organisation = MembershipState.OrganisationOf(block, tx.Sender);
            if (organisation is null)
            {
                dropped.Add(new TxRejection(tx.Id, ErrorCode.PermissionDenied, $"sender {tx.Sender} is not a key of any organisation in this network"));
                continue;
            }
            var nonceKey = NonceKeys.For(tx.Sender, tx.Body.Nonce);
            if (block.Get(nonceKey) is not null)
            {
                dropped.Add(new TxRejection(tx.Id, ErrorCode.AlreadyExists, $"nonce {tx.Body.Nonce} of sender {tx.Sender} was already used (replay)"));
                continue;
            }
            block.Set(nonceKey, NonceKeys.HeightValue(height));
            receipts.Add(RunContract(tx, organisation, block, height, blockTimeMs));
            included.Add(tx);
        }
        return new ExecutionResult(included, receipts, dropped, block);
    }

    private Receipt RunContract(SignedTransaction tx, string organisation, StateOverlay block, ulong height, long blockTimeMs)
    {
        var contract = Contracts.Find(tx.Body.Type);
        if (contract is null)
            return Receipt.Failed(tx.Id, ErrorCode.InvalidArgument, $"no contract handles transaction type '{tx.Body.Type}'");
        var scratch = new StateOverlay(block);
        var context = new TxContext(tx.Id, tx.Sender, organisation, tx.Body.Type, tx.Body.Payload, height, blockTimeMs);
        ContractResult result;
        try
        {
            result = contract.Execute(context, scratch);
        }
        catch (OverflowException)
        {
            result = ContractResult.Invalid("arithmetic overflow");
        }
        catch (Exception e) when (e is not OutOfMemoryException and not InsufficientExecutionStackException)
        {
            // A contract bug fails the transaction, not the block; the same code fails the same way on every node.
            result = new ContractResult(ErrorCode.Internal, $"contract {contract.Prefix} failed: {e.GetType().Name}", []);
        }
        if (!result.Success)
            return Receipt.Failed(tx.Id, result.Code, result.Message);
        scratch.MergeInto(block);
        return Receipt.Ok(tx.Id, result.Output);
    }
}
