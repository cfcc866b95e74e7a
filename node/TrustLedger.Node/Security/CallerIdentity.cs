using Grpc.Core;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Node.Core.Access;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Security;

/// <summary>
/// Who made a call, as far as the transport and the call credential prove it: the organisation of the client
/// certificate (TLS) and the key of the <c>tl-caller</c> credential. Roles are looked up later, inside the same
/// state read as the answer (<see cref="ReaderAt"/>), so a decision and its answer see one block.
/// </summary>
public sealed record CallerIdentity(Address? Key, string? CertificateOrganisation)
{
    public static readonly CallerIdentity Anonymous = new(null, null);

    /// <exception cref="RpcException">UNAUTHENTICATED when the key is a member key of another organisation than the certificate's.</exception>
    public Reader ReaderAt(IStateStore state) =>
        AccessFacts.Reader(state, Key, CertificateOrganisation, out var problem)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, problem!));
}
