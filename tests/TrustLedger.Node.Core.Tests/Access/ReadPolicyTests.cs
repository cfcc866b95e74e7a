using TrustLedger.Contracts.Governance;
using TrustLedger.Node.Core.Access;
using TrustLedger.Protocol.Primitives;
using Xunit;
using static TrustLedger.Node.Core.Access.ReadVerdict;

namespace TrustLedger.Node.Core.Tests.Access;

/// <summary>The read policy as a table: every rule, each kind of caller, allowed and refused (docs/security.md).</summary>
public sealed class ReadPolicyTests
{
    private static readonly Address ResidentKey = new(Enumerable.Repeat((byte)0x11, 20).ToArray());
    private static readonly Address OtherResidentKey = new(Enumerable.Repeat((byte)0x22, 20).ToArray());
    private static readonly Address CivilKey = new(Enumerable.Repeat((byte)0x33, 20).ToArray());

    private static Reader Org(string id, params string[] roles) => new(id, roles, null);

    private static readonly Reader Anonymous = Reader.Anonymous;
    private static readonly Reader Resident = new(null, [], ResidentKey);
    private static readonly Reader OtherResident = new(null, [], OtherResidentKey);
    private static readonly Reader Civil = Org("civil", Roles.Department);
    private static readonly Reader Police = Org("psb", Roles.Department);
    private static readonly Reader Water = Org("water", Roles.Department);
    private static readonly Reader Auditor = Org("audit", Roles.Auditor);
    private static readonly Reader Admin = Org("city", Roles.Admin);
    private static readonly Reader Hub = Org("hub", Roles.Hub);
    private static readonly Reader Grid = Org("grid1", Roles.Grid);
    private static readonly Reader Validator = Org("v1", Roles.Validator);
    private static readonly Reader Community = Org("comm", Roles.Community);
    private static readonly Reader Store = Org("shop", Roles.Store);

    private static readonly GrantParties Grant = new(Owner: "civil", Requester: "psb");
    private static readonly CaseParties Case = new(Reporter: "grid1", Departments: ["psb", "water"]);
    private static readonly TxParties AccessReceipt = new(CivilKey, "civil", Concerned: ["psb"]);
    private static readonly TxParties ResidentTx = new(ResidentKey, null, []);

    public static TheoryData<string, Func<ReadDecision>, ReadVerdict> Rows() => new()
    {
        // membership-wide facts
        { "member: department", () => ReadPolicy.Member(Civil, "x"), Allowed },
        { "member: resident key", () => ReadPolicy.Member(Resident, "x"), Denied },
        { "member: anonymous", () => ReadPolicy.Member(Anonymous, "x"), Unauthenticated },
        { "member key: own key", () => ReadPolicy.MemberKey(Resident, ResidentKey), Allowed },
        { "member key: another's key, as a resident", () => ReadPolicy.MemberKey(Resident, OtherResidentKey), Denied },
        // grants
        { "grant: owner", () => ReadPolicy.Grant(Civil, "g", Grant), Allowed },
        { "grant: requester", () => ReadPolicy.Grant(Police, "g", Grant), Allowed },
        { "grant: auditor", () => ReadPolicy.Grant(Auditor, "g", Grant), Allowed },
        { "grant: admin", () => ReadPolicy.Grant(Admin, "g", Grant), Allowed },
        { "grant: third department", () => ReadPolicy.Grant(Water, "g", Grant), Denied },
        { "grant: hub", () => ReadPolicy.Grant(Hub, "g", Grant), Denied },
        { "grant: validator", () => ReadPolicy.Grant(Validator, "g", Grant), Denied },
        { "grant: resident", () => ReadPolicy.Grant(Resident, "g", Grant), Denied },
        { "grant: anonymous", () => ReadPolicy.Grant(Anonymous, "g", Grant), Unauthenticated },
        { "grant missing: auditor learns it", () => ReadPolicy.Grant(Auditor, "g", null), NotFound },
        { "grant missing: admin learns it", () => ReadPolicy.Grant(Admin, "g", null), NotFound },
        { "grant missing: department does not", () => ReadPolicy.Grant(Civil, "g", null), Denied },
        { "access log: owner", () => ReadPolicy.AccessLog(Civil, "g", Grant), Allowed },
        { "access log: grantee", () => ReadPolicy.AccessLog(Police, "g", Grant), Allowed },
        { "access log: auditor", () => ReadPolicy.AccessLog(Auditor, "g", Grant), Allowed },
        { "access log: admin", () => ReadPolicy.AccessLog(Admin, "g", Grant), Denied },
        { "access log: third department", () => ReadPolicy.AccessLog(Water, "g", Grant), Denied },
        { "dataset grants: owner", () => ReadPolicy.GrantsOfDataset(Civil, "d", "civil"), Allowed },
        { "dataset grants: requester", () => ReadPolicy.GrantsOfDataset(Police, "d", "civil"), Denied },
        { "dataset grants: auditor", () => ReadPolicy.GrantsOfDataset(Auditor, "d", "civil"), Allowed },
        { "dataset grants: admin", () => ReadPolicy.GrantsOfDataset(Admin, "d", "civil"), Allowed },
        { "dataset grants missing: auditor", () => ReadPolicy.GrantsOfDataset(Auditor, "d", null), NotFound },
        { "dataset grants missing: department", () => ReadPolicy.GrantsOfDataset(Civil, "d", null), Denied },
        { "organisation's grants: itself", () => ReadPolicy.GrantsOfOrganisation(Police, "psb"), Allowed },
        { "organisation's grants: another department", () => ReadPolicy.GrantsOfOrganisation(Civil, "psb"), Denied },
        { "organisation's grants: auditor", () => ReadPolicy.GrantsOfOrganisation(Auditor, "psb"), Allowed },
        { "organisation's grants: admin", () => ReadPolicy.GrantsOfOrganisation(Admin, "psb"), Allowed },
        { "organisation's grants: anonymous", () => ReadPolicy.GrantsOfOrganisation(Anonymous, "psb"), Unauthenticated },
        // cases
        { "case: department in the chain", () => ReadPolicy.Case(Police, "c", Case), Allowed },
        { "case: earlier department in the chain", () => ReadPolicy.Case(Water, "c", Case), Allowed },
        { "case: reporter", () => ReadPolicy.Case(Grid, "c", Case), Allowed },
        { "case: hub", () => ReadPolicy.Case(Hub, "c", Case), Allowed },
        { "case: auditor", () => ReadPolicy.Case(Auditor, "c", Case), Allowed },
        { "case: department outside the chain", () => ReadPolicy.Case(Civil, "c", Case), Denied },
        { "case: admin", () => ReadPolicy.Case(Admin, "c", Case), Denied },
        { "case: anonymous", () => ReadPolicy.Case(Anonymous, "c", Case), Unauthenticated },
        { "case missing: hub learns it", () => ReadPolicy.Case(Hub, "c", null), NotFound },
        { "case missing: department does not", () => ReadPolicy.Case(Police, "c", null), Denied },
        { "all cases: hub", () => ReadPolicy.AllCases(Hub, "x"), Allowed },
        { "all cases: auditor", () => ReadPolicy.AllCases(Auditor, "x"), Allowed },
        { "all cases: department", () => ReadPolicy.AllCases(Police, "x"), Denied },
        { "inbox: the department", () => ReadPolicy.Inbox(Police, "psb"), Allowed },
        { "inbox: hub", () => ReadPolicy.Inbox(Hub, "psb"), Allowed },
        { "inbox: another department", () => ReadPolicy.Inbox(Civil, "psb"), Denied },
        { "inbox: anonymous", () => ReadPolicy.Inbox(Anonymous, "psb"), Unauthenticated },
        // points
        { "points account: the resident", () => ReadPolicy.PointsAccount(Resident, ResidentKey), Allowed },
        { "points account: another resident", () => ReadPolicy.PointsAccount(OtherResident, ResidentKey), Denied },
        { "points account: auditor", () => ReadPolicy.PointsAccount(Auditor, ResidentKey), Allowed },
        { "points account: issuer", () => ReadPolicy.PointsAccount(Community, ResidentKey), Denied },
        { "points account: store", () => ReadPolicy.PointsAccount(Store, ResidentKey), Denied },
        { "points account: anonymous", () => ReadPolicy.PointsAccount(Anonymous, ResidentKey), Unauthenticated },
        { "points history: the resident", () => ReadPolicy.PointsHistory(Resident, ResidentKey), Allowed },
        { "points history: issuer (own entries)", () => ReadPolicy.PointsHistory(Community, ResidentKey), Allowed },
        { "points history: store (own entries)", () => ReadPolicy.PointsHistory(Store, ResidentKey), Allowed },
        { "points history: department", () => ReadPolicy.PointsHistory(Civil, ResidentKey), Denied },
        { "points history: another resident", () => ReadPolicy.PointsHistory(OtherResident, ResidentKey), Denied },
        { "points history: anonymous", () => ReadPolicy.PointsHistory(Anonymous, ResidentKey), Unauthenticated },
        { "redemption: the resident", () => ReadPolicy.Redemption(Resident, ResidentKey, "r", "shop"), Allowed },
        { "redemption: its store", () => ReadPolicy.Redemption(Store, ResidentKey, "r", "shop"), Allowed },
        { "redemption: another store", () => ReadPolicy.Redemption(Org("shop2", Roles.Store), ResidentKey, "r", "shop"), Denied },
        { "redemption: issuer", () => ReadPolicy.Redemption(Community, ResidentKey, "r", "shop"), Denied },
        { "redemption: auditor", () => ReadPolicy.Redemption(Auditor, ResidentKey, "r", "shop"), Allowed },
        { "redemption missing: the resident learns it", () => ReadPolicy.Redemption(Resident, ResidentKey, "r", null), NotFound },
        { "redemption missing: a store does not", () => ReadPolicy.Redemption(Store, ResidentKey, "r", null), Denied },
        // ledger
        { "raw blocks: validator", () => ReadPolicy.RawBlocks(Validator), Allowed },
        { "raw blocks: auditor", () => ReadPolicy.RawBlocks(Auditor), Allowed },
        { "raw blocks: department", () => ReadPolicy.RawBlocks(Civil), Denied },
        { "raw blocks: anonymous", () => ReadPolicy.RawBlocks(Anonymous), Unauthenticated },
        { "raw state: validator", () => ReadPolicy.RawState(Validator), Allowed },
        { "raw state: auditor", () => ReadPolicy.RawState(Auditor), Allowed },
        { "raw state: hub", () => ReadPolicy.RawState(Hub), Denied },
        { "raw state: resident", () => ReadPolicy.RawState(Resident), Denied },
        { "transaction: sender's organisation", () => ReadPolicy.Transaction(Civil, "t", AccessReceipt), Allowed },
        { "transaction: concerned organisation", () => ReadPolicy.Transaction(Police, "t", AccessReceipt), Allowed },
        { "transaction: validator", () => ReadPolicy.Transaction(Validator, "t", AccessReceipt), Allowed },
        { "transaction: auditor", () => ReadPolicy.Transaction(Auditor, "t", AccessReceipt), Allowed },
        { "transaction: unrelated department", () => ReadPolicy.Transaction(Water, "t", AccessReceipt), Denied },
        { "transaction: the resident who signed it", () => ReadPolicy.Transaction(Resident, "t", ResidentTx), Allowed },
        { "transaction: another resident", () => ReadPolicy.Transaction(OtherResident, "t", ResidentTx), Denied },
        { "transaction: anonymous", () => ReadPolicy.Transaction(Anonymous, "t", ResidentTx), Unauthenticated },
        { "transaction missing: validator learns it", () => ReadPolicy.Transaction(Validator, "t", null), NotFound },
        { "transaction missing: department does not", () => ReadPolicy.Transaction(Civil, "t", null), Denied },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Rule(string row, Func<ReadDecision> decide, ReadVerdict expected)
    {
        var decision = decide();
        Assert.True(expected == decision.Verdict, $"{row}: expected {expected}, got {decision.Verdict} ({decision.Reason})");
        Assert.Equal(expected == Allowed, string.IsNullOrEmpty(decision.Reason));
    }

    /// <summary>An entity one may not see answers exactly like one that does not exist: the refusal never tells which.</summary>
    [Fact]
    public void A_hidden_entity_is_refused_exactly_as_a_missing_one()
    {
        Assert.Equal(ReadPolicy.Grant(Water, "g", null), ReadPolicy.Grant(Water, "g", Grant));
        Assert.Equal(ReadPolicy.AccessLog(Hub, "g", null), ReadPolicy.AccessLog(Hub, "g", Grant));
        Assert.Equal(ReadPolicy.Case(Civil, "c", null), ReadPolicy.Case(Civil, "c", Case));
        Assert.Equal(ReadPolicy.Redemption(Community, ResidentKey, "r", null), ReadPolicy.Redemption(Community, ResidentKey, "r", "shop"));
        Assert.Equal(ReadPolicy.Transaction(Water, "t", null), ReadPolicy.Transaction(Water, "t", AccessReceipt));
        Assert.Equal(ReadPolicy.GrantsOfDataset(Police, "d", null), ReadPolicy.GrantsOfDataset(Police, "d", "civil"));
    }

    [Fact]
    public void Issuers_and_stores_see_only_the_history_entries_their_organisation_made()
    {
        Assert.True(ReadPolicy.SeesPointsEntry(Community, ResidentKey, "comm"));
        Assert.False(ReadPolicy.SeesPointsEntry(Community, ResidentKey, "shop"));
        Assert.False(ReadPolicy.SeesPointsEntry(Community, ResidentKey, "")); // an expiry is no organisation's entry
        Assert.True(ReadPolicy.SeesPointsEntry(Store, ResidentKey, "shop"));
        Assert.True(ReadPolicy.SeesPointsEntry(Resident, ResidentKey, "shop"));
        Assert.True(ReadPolicy.SeesPointsEntry(Resident, ResidentKey, ""));
        Assert.False(ReadPolicy.SeesPointsEntry(OtherResident, ResidentKey, "shop"));
    }

    [Fact]
    public void Refusals_name_the_caller_and_the_rule()
    {
        var refused = ReadPolicy.Inbox(Civil, "psb");
        Assert.Contains("organisation 'civil'", refused.Reason);
        Assert.Contains("hubs", refused.Reason);
        Assert.Contains("tl-caller", ReadPolicy.RawBlocks(Anonymous).Reason);
    }
}
