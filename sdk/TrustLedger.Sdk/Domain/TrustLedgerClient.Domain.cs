using Google.Protobuf;
using Grpc.Core;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Sdk.Domain;

namespace TrustLedger.Sdk;

/// <summary>
/// The domain contracts, typed: <see cref="Governance"/>, <see cref="DataSharing"/>, <see cref="Cases"/> and <see cref="Points"/>.
/// Actions sign with the client's key, submit, wait until the block is durable and return a <see cref="ContractReceipt"/>;
/// a refusal (by admission or by the contract) throws <see cref="TransactionRejectedException"/>. Queries read the
/// node's committed state through the <c>Query</c> gRPC service.
/// </summary>
public sealed partial class TrustLedgerClient
{
    private Query.QueryClient? _query;
    private GovernanceClient? _governance;
    private DataSharingClient? _dataSharing;
    private CasesClient? _cases;
    private PointsClient? _points;

    /// <summary>Organisations, roles, keys and validators: proposals, votes and membership queries.</summary>
    public GovernanceClient Governance => _governance ??= new GovernanceClient(this);

    /// <summary>Datasets, access requests, grants and access receipts.</summary>
    public DataSharingClient DataSharing => _dataSharing ??= new DataSharingClient(this);

    /// <summary>Event handovers: report, hand over, accept, handle, close; inboxes and statistics.</summary>
    public CasesClient Cases => _cases ??= new CasesClient(this);

    /// <summary>Community points: award, redeem (with the resident's signature), balances and totals.</summary>
    public PointsClient Points => _points ??= new PointsClient(this);

    internal Query.QueryClient QueryRpc => _query ??= new Query.QueryClient(_calls);

    /// <summary>
    /// Signs <paramref name="payload"/> as a <paramref name="type"/> transaction, submits it and waits for its durable receipt.
    /// Throws <see cref="TransactionRejectedException"/> when the node refuses it or the contract fails it.
    /// </summary>
    public async Task<ContractReceipt> ExecuteAsync(string type, IMessage payload, CancellationToken cancellation = default)
    {
        TxReceipt receipt;
        try
        {
            receipt = await SubmitAsync(Sign(type, payload.ToByteArray()), TimeSpan.FromSeconds(30), cancellation);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new TransactionRejectedException(StatusCode.NotFound, e.Status.Detail);
        }
        if (!receipt.Success)
            throw new TransactionRejectedException((StatusCode)receipt.Code, $"{receipt.Message} (recorded as a failed receipt in block {receipt.Height})");
        var output = ContractOutput.Parser.ParseFrom(receipt.Output);
        return new ContractReceipt(output.Id, output.Status, output.Value, receipt);
    }

    /// <summary>Runs a query; NOT_FOUND becomes null (for lookups of one object).</summary>
    internal static async Task<T?> FindAsync<T>(AsyncUnaryCall<T> call) where T : class
    {
        try
        {
            return await call.ResponseAsync;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
