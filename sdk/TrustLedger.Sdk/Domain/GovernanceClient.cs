using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk.Domain;

/// <summary>
/// Governance (<c>gov.*</c>): every change to who is in the network is a proposal that executes once M of N admin
/// organisations approved it (the proposer's organisation approves by proposing). Actions need the <c>admin</c> role.
/// Get <c>client.Governance</c> from <see cref="TrustLedgerClient"/>.
/// </summary>
public sealed class GovernanceClient
{
    private readonly TrustLedgerClient _client;

    internal GovernanceClient(TrustLedgerClient client) => _client = client;

    /// <summary>Proposes <paramref name="action"/>; the receipt's id is the proposal id, its status <c>executed</c> if this approval reached the threshold, else <c>open</c>.</summary>
    /// <param name="action">What the proposal changes.</param>
    /// <param name="description">Why, for the other admins and the audit trail.</param>
    /// <param name="deadline">Until when votes are accepted (block time); null = the network's voting period.</param>
    /// <param name="cancellation">Cancels the wait (the transaction may still commit).</param>
    public Task<ContractReceipt> ProposeAsync(ProposalAction action, string description = "", DateTimeOffset? deadline = null, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("gov.propose", new ProposeRequest { Action = action, Description = description, DeadlineMs = deadline?.ToUnixTimeMilliseconds() ?? 0 }, cancellation);

    /// <summary>Proposes a new organisation with its roles (see <c>Roles</c>) and public keys (65-byte uncompressed points).</summary>
    public Task<ContractReceipt> AddOrganisationAsync(string id, string name, IEnumerable<string> roles, IEnumerable<byte[]> publicKeys,
        string description = "", CancellationToken cancellation = default)
    {
        var add = new AddOrganisation { Id = id, Name = name };
        add.Roles.AddRange(roles);
        add.PublicKeys.AddRange(publicKeys.Select(k => ByteString.CopyFrom(k)));
        return ProposeAsync(new ProposalAction { AddOrganisation = add }, description, cancellation: cancellation);
    }

    /// <summary>Proposes removing an organisation (all its keys are revoked).</summary>
    public Task<ContractReceipt> RemoveOrganisationAsync(string id, string description = "", CancellationToken cancellation = default) =>
        ProposeAsync(new ProposalAction { RemoveOrganisation = new RemoveOrganisation { Id = id } }, description, cancellation: cancellation);

    /// <summary>Proposes replacing an organisation's roles with <paramref name="roles"/>.</summary>
    public Task<ContractReceipt> SetRolesAsync(string organisation, IEnumerable<string> roles, string description = "", CancellationToken cancellation = default)
    {
        var set = new SetRoles { Organisation = organisation };
        set.Roles.AddRange(roles);
        return ProposeAsync(new ProposalAction { SetRoles = set }, description, cancellation: cancellation);
    }

    /// <summary>Proposes adding a key to an organisation.</summary>
    public Task<ContractReceipt> AddKeyAsync(string organisation, byte[] publicKey, string description = "", CancellationToken cancellation = default) =>
        ProposeAsync(new ProposalAction { AddKey = new AddKey { Organisation = organisation, PublicKey = ByteString.CopyFrom(publicKey) } }, description, cancellation: cancellation);

    /// <summary>
    /// Proposes the complete list of TLS CA certificates (DER) an organisation pins: its client and node certificates
    /// must chain to one of them. Rotate by pinning old and new, moving every certificate, then pinning the new alone.
    /// </summary>
    public Task<ContractReceipt> SetTlsCertificatesAsync(string organisation, IEnumerable<byte[]> caCertificates, string description = "", CancellationToken cancellation = default)
    {
        var set = new SetTlsCertificates { Organisation = organisation };
        set.CaCertificates.AddRange(caCertificates.Select(ByteString.CopyFrom));
        return ProposeAsync(new ProposalAction { SetTlsCertificates = set }, description, cancellation: cancellation);
    }

    /// <summary>Proposes refusing one TLS certificate of an organisation, by the SHA-256 of its DER, from the block that executes it.</summary>
    public Task<ContractReceipt> RevokeTlsCertificateAsync(string organisation, byte[] fingerprint, string description = "", CancellationToken cancellation = default) =>
        ProposeAsync(new ProposalAction { RevokeTlsCertificate = new RevokeTlsCertificate { Organisation = organisation, Fingerprint = ByteString.CopyFrom(fingerprint) } },
            description, cancellation: cancellation);

    /// <summary>Proposes revoking an organisation's key.</summary>
    public Task<ContractReceipt> RevokeKeyAsync(string organisation, Address key, string description = "", CancellationToken cancellation = default) =>
        ProposeAsync(new ProposalAction { RevokeKey = new RevokeKey { Organisation = organisation, Address = ByteString.CopyFrom(key.Bytes) } }, description, cancellation: cancellation);

    /// <summary>Proposes replacing one key of an organisation by a new one.</summary>
    public Task<ContractReceipt> RotateKeyAsync(string organisation, Address oldKey, byte[] newPublicKey, string description = "", CancellationToken cancellation = default) =>
        ProposeAsync(new ProposalAction
        {
            RotateKey = new RotateKey { Organisation = organisation, OldAddress = ByteString.CopyFrom(oldKey.Bytes), NewPublicKey = ByteString.CopyFrom(newPublicKey) },
        }, description, cancellation: cancellation);

    /// <summary>Proposes the number of admin approvals a proposal needs (0 = a majority).</summary>
    public Task<ContractReceipt> SetAdminThresholdAsync(uint threshold, string description = "", CancellationToken cancellation = default) =>
        ProposeAsync(new ProposalAction { SetAdminThreshold = new SetAdminThreshold { Threshold = threshold } }, description, cancellation: cancellation);

    /// <summary>Approves an open proposal for the client's organisation; executes it if the threshold is reached.</summary>
    public Task<ContractReceipt> ApproveAsync(string proposalId, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("gov.approve", new ApproveProposalRequest { ProposalId = proposalId }, cancellation);

    /// <summary>Votes against an open proposal, with a reason.</summary>
    public Task<ContractReceipt> RejectAsync(string proposalId, string reason, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("gov.reject", new RejectProposalRequest { ProposalId = proposalId, Reason = reason }, cancellation);

    /// <summary>Withdraws an open proposal of the client's own organisation.</summary>
    public Task<ContractReceipt> WithdrawAsync(string proposalId, string reason = "", CancellationToken cancellation = default) =>
        _client.ExecuteAsync("gov.withdraw", new WithdrawProposalRequest { ProposalId = proposalId, Reason = reason }, cancellation);

    /// <summary>An organisation with its roles and keys, or null if it never existed.</summary>
    public Task<OrganisationRecord?> GetOrganisationAsync(string id, CancellationToken cancellation = default) =>
        TrustLedgerClient.FindAsync(_client.QueryRpc.GetOrganisationAsync(new GetOrganisationRequest { Id = id }, cancellationToken: cancellation));

    /// <summary>Active organisations (optionally only those holding <paramref name="role"/>), the admins and the current threshold.</summary>
    public async Task<OrganisationList> ListOrganisationsAsync(string role = "", bool includeRemoved = false, CancellationToken cancellation = default) =>
        await _client.QueryRpc.ListOrganisationsAsync(new ListOrganisationsRequest { Role = role, IncludeRemoved = includeRemoved }, cancellationToken: cancellation);

    /// <summary>The organisation and roles of an active key, or null if the key is not a member.</summary>
    public Task<MemberInfo?> GetMemberAsync(Address key, CancellationToken cancellation = default) =>
        TrustLedgerClient.FindAsync(_client.QueryRpc.GetMemberAsync(new GetMemberRequest { Address = key.ToString() }, cancellationToken: cancellation));

    /// <summary>The organisation and roles of the client's own key, or null if it is not a member.</summary>
    public Task<MemberInfo?> WhoAmIAsync(CancellationToken cancellation = default) =>
        GetMemberAsync((_client.Signer ?? throw new InvalidOperationException("this client has no signing key")).Address, cancellation);

    /// <summary>Proposals still open for votes now, or every proposal in creation order from position <paramref name="from"/>.</summary>
    public async Task<IReadOnlyList<Proposal>> ListProposalsAsync(bool openOnly = true, ulong from = 1, uint limit = 100, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.ListProposalsAsync(new ListProposalsRequest { OpenOnly = openOnly, From = from, Limit = limit }, cancellationToken: cancellation)).Proposals;

    /// <summary>A proposal with its votes and effective status, or null if unknown.</summary>
    public Task<Proposal?> GetProposalAsync(string id, CancellationToken cancellation = default) =>
        TrustLedgerClient.FindAsync(_client.QueryRpc.GetProposalAsync(new GetProposalRequest { Id = id }, cancellationToken: cancellation));

    /// <summary>Every validator set with the height it takes effect.</summary>
    public async Task<ValidatorSchedule> GetValidatorScheduleAsync(CancellationToken cancellation = default) =>
        await _client.QueryRpc.GetValidatorScheduleAsync(new GetValidatorScheduleRequest(), cancellationToken: cancellation);
}
