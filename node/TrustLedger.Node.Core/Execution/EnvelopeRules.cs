using TrustLedger.Node.Core.Chain;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Execution;

/// <summary>
/// Envelope checks that need no state: identical at admission and in block validation.
/// Each returns null when the rule holds, else the refusal.
/// </summary>
public static class EnvelopeRules
{
    public const int MaxTypeLength = 64;

    public static TxRejection? CheckShape(SignedTransaction tx, ChainConfig chain)
    {
        var body = tx.Body;
        if (body.ChainId != chain.ChainId)
            return Reject(tx, ErrorCode.InvalidArgument, $"wrong chain id '{Clip(body.ChainId)}': this network is '{chain.ChainId}'");
        if (tx.EncodedSize > chain.Parameters.MaxTxBytes)
            return Reject(tx, ErrorCode.InvalidArgument, $"transaction is {tx.EncodedSize} bytes, the limit is {chain.Parameters.MaxTxBytes}");
        if (!IsValidType(body.Type))
            return Reject(tx, ErrorCode.InvalidArgument, $"transaction type '{Clip(body.Type)}' is not of the form prefix.action (lower-case letters, digits, '_', '.', at most {MaxTypeLength})");
        if (body.NotAfterMs < body.NotBeforeMs)
            return Reject(tx, ErrorCode.InvalidArgument, "validity window ends before it starts");
        if (body.NotAfterMs - body.NotBeforeMs > chain.Parameters.MaxValidityWindowMs)
            return Reject(tx, ErrorCode.InvalidArgument, $"validity window is longer than the allowed {chain.Parameters.MaxValidityWindowMs} ms");
        if (!chain.Suite.IsValidPublicKey(body.SenderPublicKey))
            return Reject(tx, ErrorCode.InvalidArgument, $"sender public key is not a valid {chain.Suite.Name} key (65-byte uncompressed point expected)");
        return null;
    }

    public static TxRejection? CheckSignature(SignedTransaction tx, ChainConfig chain)
    {
        if (tx.Signature.Length == 0)
            return Reject(tx, ErrorCode.Unauthenticated, "transaction is not signed");
        if (!tx.VerifySignature(chain.Suite))
            return Reject(tx, ErrorCode.Unauthenticated, $"signature does not verify under the sender key with the {chain.Suite.Name} suite");
        return null;
    }

    /// <summary>The window is inclusive at both ends and judged by block time (or the node's clock at admission).</summary>
    public static TxRejection? CheckWindow(SignedTransaction tx, long timeMs)
    {
        if (timeMs > tx.Body.NotAfterMs)
            return Reject(tx, ErrorCode.FailedPrecondition, $"transaction expired: valid until {Format(tx.Body.NotAfterMs)}, now {Format(timeMs)}");
        if (timeMs < tx.Body.NotBeforeMs)
            return Reject(tx, ErrorCode.FailedPrecondition, $"transaction not yet valid: valid from {Format(tx.Body.NotBeforeMs)}, now {Format(timeMs)}");
        return null;
    }

    private static bool IsValidType(string type)
    {
        if (type.Length is 0 or > MaxTypeLength) return false;
        var dot = type.IndexOf('.');
        if (dot <= 0 || dot == type.Length - 1) return false;
        foreach (var c in type)
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '.')) return false;
        return true;
    }

    private static TxRejection Reject(SignedTransaction tx, ErrorCode code, string reason) => new(tx.Id, code, reason);

    private static string Format(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>
    /// The first transaction of a block whose shape or signature fails, or null. Signatures dominate the cost and are
    /// independent, so all cores check them; <paramref name="alreadyVerified"/> skips the signature of a transaction this
    /// node has verified before (exactly those bytes).
    /// </summary>
    public static TxRejection? FirstProblem(IReadOnlyList<SignedTransaction> txs, ChainConfig chain, Func<SignedTransaction, bool>? alreadyVerified = null)
    {
        var problems = new TxRejection?[txs.Count];
        Parallel.For(0, txs.Count, i =>
            problems[i] = CheckShape(txs[i], chain) ?? (alreadyVerified?.Invoke(txs[i]) == true ? null : CheckSignature(txs[i], chain)));
        return problems.FirstOrDefault(p => p is not null);
    }
}
