using CsCheck;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Tests.Support;
using Xunit;

namespace TrustLedger.Contracts.Tests.Properties;

/// <summary>Indexes and counters kept in state agree with the records they summarise, after any workload.</summary>
public sealed class StateInvariantProperties
{
    [Fact]
    public void Indexes_and_counters_match_the_records()
    {
        DeterminismProperties.AnyOp.Array[1, 200].Sample(ops =>
        {
            var workload = new Workload(new TestNetwork());
            workload.Run(ops);
            var net = workload.Network;
            Handovers.CaseTransitionTableTests.AssertStateCountersMatch(net);
            PointsProperties.AssertConserved(net);

            var cases = HandoverState.All.Read(net.State, IndexEntry.Parser).Select(e => HandoverState.GetCase(net.State, e.Id)!).ToList();
            Assert.Equal((ulong)cases.Count, HandoverQueries.Totals(net.State).Reported);
            foreach (var department in Workload.Departments)
                Assert.Equal(
                    cases.Where(c => c.AssigneeOrganisation == department && c.State is CaseState.HandedOver or CaseState.Accepted).Select(c => c.Id).Order(StringComparer.Ordinal),
                    HandoverState.Inbox(department).Members(net.State));

            foreach (var department in Workload.Departments)
                foreach (var grant in DataSharingQueries.GrantsRequestedBy(net.State, department, limit: int.MaxValue))
                {
                    Assert.Equal(grant.Status == GrantStatus.Requested, DataSharingState.PendingForRequester(department).Contains(net.State, grant.Id));
                    Assert.Equal(grant.Status == GrantStatus.Requested, DataSharingState.PendingForOwner(grant.OwnerOrganisation).Contains(net.State, grant.Id));
                    Assert.Equal(grant.Uses, (ulong)DataSharingQueries.AccessLog(net.State, grant.Id, limit: int.MaxValue).Count);
                }
        }, iter: 60);
    }
}
