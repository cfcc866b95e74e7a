using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Points;

public sealed partial class PointsContract
{
    private ContractResult Award(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Community) is { } denied) return denied;
        if (!Payload.TryParse(tx, AwardPointsRequest.Parser, out var request, out var malformed)) return malformed;
        if (ResidentOf(request.Resident, out var resident) is { } badResident) return badResident;
        if (request.Amount == 0 || request.Amount > Options.MaxAward)
            return ContractResult.Invalid($"amount must be 1 … {Options.MaxAward}, got {request.Amount}");
        if (!Ids.IsToken(request.ReasonCode)) return ContractResult.Invalid("reason_code must be 1–64 letters, digits, '.', '_', ':' or '-'");
        var expiresAt = request.ExpiresAtMs;
        if (expiresAt == 0 && Options.DefaultValidityMs > 0) expiresAt = checked(tx.BlockTimeMs + Options.DefaultValidityMs);
        if (expiresAt != 0 && expiresAt <= tx.BlockTimeMs)
            return ContractResult.Invalid($"expires_at_ms {expiresAt} is not after the block time {tx.BlockTimeMs}");

        var issuer = tx.SenderOrganisation;
        var issuedPath = PointsState.IssuedPath(issuer, Periods.Month(tx.BlockTimeMs));
        var issued = ProtoState.GetCounter(state, issuedPath);
        var cap = CapOf(state, issuer);
        if (checked(issued + request.Amount) > cap)
            return new ContractResult(ErrorCode.ResourceExhausted,
                $"'{issuer}' has awarded {issued} of its {cap} points this month; {request.Amount} more would exceed the cap", []);
        ProtoState.PutCounter(state, issuedPath, checked(issued + request.Amount));

        var account = PointsState.GetAccount(state, resident) ?? new PointsAccount { Address = request.Resident };
        SettleExpired(tx, state, account, resident);
        var lot = new PointsLot { AwardId = Ids.FromTx(tx), Remaining = request.Amount, ExpiresAtMs = expiresAt, IssuerOrganisation = issuer };
        if (!PointsLots.Add(account, lot, Options.MaxLots))
            return new ContractResult(ErrorCode.ResourceExhausted, $"account {resident} already holds {Options.MaxLots} lots of points", []);
        account.Balance = checked(account.Balance + request.Amount);
        account.Awarded = checked(account.Awarded + request.Amount);
        AppendEntry(tx, state, account, resident, new PointsEntry
        {
            Kind = PointsEntryKind.Award,
            Amount = request.Amount,
            Organisation = issuer,
            ReasonCode = request.ReasonCode,
        });
        PointsState.Bump(state, PointsState.TotalPath, t => { t.Awarded = checked(t.Awarded + request.Amount); t.Awards++; });
        PointsState.Bump(state, PointsState.IssuerPath(issuer), t => { t.Awarded = checked(t.Awarded + request.Amount); t.Awards++; });
        return Output.Ok(resident.ToString(), "awarded", account.Balance);
    }

    private ContractResult Redeem(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Store) is { } denied) return denied;
        if (!Payload.TryParse(tx, RedeemPointsRequest.Parser, out var request, out var malformed)) return malformed;
        if (request.StoreOrganisation != tx.SenderOrganisation)
            return ContractResult.Denied($"the redemption names store '{Text.Clip(request.StoreOrganisation)}'; only that store may submit it");
        if (request.Amount == 0) return ContractResult.Invalid("amount must be positive");
        if (!Ids.IsToken(request.RedemptionId)) return ContractResult.Invalid("redemption_id must be 1–64 letters, digits, '.', '_', ':' or '-'");
        if (!suite.IsValidPublicKey(request.ResidentPublicKey.Span))
            return ContractResult.Invalid($"resident_public_key is not a valid {suite.Name} public key");
        var resident = suite.AddressOf(request.ResidentPublicKey.Span);
        var signed = RedemptionAuthorisation.SigningBytes(chainId, resident, request.StoreOrganisation, request.Amount, request.RedemptionId, request.ExpiresAtMs);
        if (!suite.Verify(request.ResidentPublicKey.Span, signed, request.ResidentSignature.Span))
            return ContractResult.Denied($"the resident's signature does not authorise this redemption (resident {resident})");
        if (tx.BlockTimeMs > request.ExpiresAtMs)
            return ContractResult.Precondition($"the resident's authorisation expired at {request.ExpiresAtMs} (block time {tx.BlockTimeMs})");
        var redemptionPath = PointsState.RedemptionPath(resident, request.RedemptionId);
        if (ProtoState.Get(state, redemptionPath, RedemptionRecord.Parser) is { } earlier)
            return ContractResult.Exists($"redemption '{request.RedemptionId}' of {resident} was already applied at height {earlier.Height}");

        var account = PointsState.GetAccount(state, resident);
        if (account is null) return ContractResult.Precondition($"resident {resident} has no points");
        SettleExpired(tx, state, account, resident);
        if (account.Balance < request.Amount)
            return ContractResult.Precondition($"resident {resident} holds {account.Balance} points, fewer than the {request.Amount} to redeem");

        foreach (var (issuer, amount) in PointsLots.Spend(account, request.Amount))
            PointsState.Bump(state, PointsState.IssuerPath(issuer), t => t.Redeemed = checked(t.Redeemed + amount));
        account.Balance = checked(account.Balance - request.Amount);
        account.Redeemed = checked(account.Redeemed + request.Amount);
        AppendEntry(tx, state, account, resident, new PointsEntry
        {
            Kind = PointsEntryKind.Redeem,
            Amount = request.Amount,
            Organisation = request.StoreOrganisation,
            RedemptionId = request.RedemptionId,
        });
        ProtoState.Put(state, redemptionPath, new RedemptionRecord
        {
            Resident = ByteString.CopyFrom(resident.Bytes),
            StoreOrganisation = request.StoreOrganisation,
            Amount = request.Amount,
            RedemptionId = request.RedemptionId,
            TxId = Ids.FromTx(tx),
            Height = tx.Height,
            BlockTimeMs = tx.BlockTimeMs,
        });
        PointsState.Bump(state, PointsState.TotalPath, t => { t.Redeemed = checked(t.Redeemed + request.Amount); t.Redemptions++; });
        PointsState.Bump(state, PointsState.StorePath(request.StoreOrganisation), t => { t.Redeemed = checked(t.Redeemed + request.Amount); t.Redemptions++; });
        return Output.Ok(resident.ToString(), "redeemed", account.Balance);
    }

    private ContractResult Expire(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Community, Roles.Store, Roles.Admin) is { } denied) return denied;
        if (!Payload.TryParse(tx, ExpirePointsRequest.Parser, out var request, out var malformed)) return malformed;
        if (ResidentOf(request.Resident, out var resident) is { } badResident) return badResident;
        var account = PointsState.GetAccount(state, resident);
        if (account is null) return ContractResult.NotFound($"resident {resident} has no points account");
        var expired = SettleExpired(tx, state, account, resident, store: false);
        if (expired == 0) return ContractResult.Precondition($"resident {resident} holds no expired points");
        PointsState.Put(state, account, resident);
        return Output.Ok(resident.ToString(), "expired", expired);
    }

    private static ContractResult SetCap(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Admin) is { } denied) return denied;
        if (!Payload.TryParse(tx, SetIssuerCapRequest.Parser, out var request, out var malformed)) return malformed;
        if (!MembershipState.HasRole(state, request.IssuerOrganisation, Roles.Community))
            return ContractResult.Precondition($"'{Text.Clip(request.IssuerOrganisation)}' is not an active organisation with the community role");
        ProtoState.Put(state, PointsState.CapPath(request.IssuerOrganisation), new IssuerCap { MonthlyCap = request.MonthlyCap });
        return Output.Ok(request.IssuerOrganisation, "cap_set", request.MonthlyCap);
    }

    /// <summary>The monthly cap of an issuer: its own, or the network default.</summary>
    public ulong CapOf(IStateStore state, string issuer) =>
        ProtoState.Get(state, PointsState.CapPath(issuer), IssuerCap.Parser)?.MonthlyCap ?? Options.DefaultMonthlyCap;

    /// <summary>Books the lots expired at block time; returns the amount. Writes the account only through <see cref="AppendEntry"/>.</summary>
    private static ulong SettleExpired(TxContext tx, IStateStore state, PointsAccount account, Address resident, bool store = true)
    {
        var taken = PointsLots.TakeExpired(account, tx.BlockTimeMs);
        ulong total = 0;
        foreach (var (issuer, amount) in taken)
        {
            total = checked(total + amount);
            PointsState.Bump(state, PointsState.IssuerPath(issuer), t => t.Expired = checked(t.Expired + amount));
        }
        if (total == 0) return 0;
        account.Balance = checked(account.Balance - total);
        account.Expired = checked(account.Expired + total);
        PointsState.Bump(state, PointsState.TotalPath, t => t.Expired = checked(t.Expired + total));
        AppendEntry(tx, state, account, resident, new PointsEntry { Kind = PointsEntryKind.Expire, Amount = total }, store);
        return total;
    }

    private static void AppendEntry(TxContext tx, IStateStore state, PointsAccount account, Address resident, PointsEntry entry, bool store = true)
    {
        entry.TxId = Ids.FromTx(tx);
        entry.Height = tx.Height;
        entry.BlockTimeMs = tx.BlockTimeMs;
        entry.BalanceAfter = account.Balance;
        var history = PointsState.History(resident);
        entry.Sequence = checked(history.Count(state) + 1);
        history.Append(state, entry);
        account.HistoryCount = entry.Sequence;
        if (store) PointsState.Put(state, account, resident);
    }

    private static ContractResult? ResidentOf(ByteString bytes, out Address resident)
    {
        resident = default;
        if (bytes.Length != Address.Length)
            return ContractResult.Invalid($"resident must be a {Address.Length}-byte address, got {bytes.Length} bytes");
        resident = new Address(bytes.Span);
        return null;
    }
}
