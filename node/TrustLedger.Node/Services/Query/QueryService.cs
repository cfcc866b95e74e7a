using Grpc.Core;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Node.Core.Access;
using TrustLedger.Node.Hosting;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services;

/// <summary>
/// Read-only questions over the domain contracts' committed state (see query_service.proto), answered with the
/// contracts' own pure query helpers. Every call reads through <c>LedgerState.ReadState</c>, so it sees the state
/// between blocks, never half a block, and never blocks the chain for longer than one read.
/// Every call is authorised by <see cref="ReadPolicy"/> against the caller's committed roles, inside the same read.
/// Split by domain: <c>QueryService.Governance.cs</c>, <c>.DataSharing.cs</c>, <c>.Cases.cs</c>, <c>.CaseStatistics.cs</c>, <c>.Points.cs</c>.
/// </summary>
public sealed partial class QueryService(NodeRuntime runtime, TimeProvider time, CallerAuthenticator callers) : Query.QueryBase
{
    /// <summary>Reads committed state once, consistently; the answer is built inside the read.</summary>
    private Task<T> Read<T>(Func<IStateStore, T> read) => Task.FromResult(runtime.Ledger.ReadState(read));

    /// <summary>Reads committed state once for an authenticated caller, whose roles are read in the same state.</summary>
    private Task<T> Read<T>(ServerCallContext context, Func<IStateStore, Reader, T> read)
    {
        var caller = callers.Authenticate(context);
        return Read(state => read(state, caller.ReaderAt(state)));
    }

    /// <summary>Reads for members only (membership-wide facts: organisations, proposals, datasets, statistics).</summary>
    private Task<T> ReadAsMember<T>(ServerCallContext context, string what, Func<IStateStore, T> read) =>
        Read(context, (state, reader) =>
        {
            ReadAccess.Enforce(ReadPolicy.Member(reader, what));
            return read(state);
        });

    /// <summary>The height a transaction submitted now would run at.</summary>
    private ulong NextHeight => runtime.Ledger.Height + 1;

    /// <summary>The block time a transaction submitted now would at least see (the admission dry-run's choice).</summary>
    private long NowMs => Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), runtime.Ledger.HeadTimeMs + 1);

    private static RpcException NotFound(string reason) => RpcErrors.NotFound(reason);
}
