using Grpc.Core;
using TrustLedger.Contracts.Messages;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Sdk;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Watch;

/// <summary>Live views through the SDK against a real node: streams that follow entities as blocks commit.</summary>
public sealed class WatchTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly CityScenario _city = new(fixture);

    private static async Task<T> Next<T>(IAsyncEnumerator<T> updates)
    {
        Assert.True(await updates.MoveNextAsync().AsTask().WaitAsync(Deadline), "the stream ended");
        return updates.Current;
    }

    [Fact]
    public async Task A_department_watching_its_inbox_sees_the_case_the_hub_hands_over_as_it_commits()
    {
        var (water, department) = await _city.AddDepartment("water");
        using var _ = department;
        using var stop = new CancellationTokenSource();
        await using var inbox = department.WatchInboxAsync(water, stop.Token).GetAsyncEnumerator(stop.Token);

        var snapshot = await Next(inbox);
        Assert.True(snapshot.Stamp.IsSnapshot);
        Assert.Equal(water, snapshot.Department);
        Assert.Empty(snapshot.Cases);

        var caseId = await _city.ReportCase();
        var handOver = await _city.HandOver(caseId, water);
        var handedOver = await Next(inbox);
        var waiting = Assert.Single(handedOver.Cases);
        Assert.Equal((caseId, CaseState.HandedOver, water), (waiting.Id, waiting.State, waiting.AssigneeOrganisation));
        Assert.Equal(handOver.Height, handedOver.Stamp.Height);
        Assert.False(handedOver.Stamp.IsSnapshot);
        Assert.Equal(1, handedOver.Waiting);

        var accept = await CityScenario.Accept(department, caseId);
        var accepted = await Next(inbox);
        Assert.Equal(CaseState.Accepted, Assert.Single(accepted.Cases).State);
        Assert.Equal(accept.Height, accepted.Stamp.Height);
        stop.Cancel();
    }

    [Fact]
    public async Task A_watcher_that_disconnects_does_not_break_the_others()
    {
        var (parks, department) = await _city.AddDepartment("parks");
        using var _ = department;
        using var stopStaying = new CancellationTokenSource();
        await using var staying = _city.Hub.WatchInboxAsync(parks, stopStaying.Token).GetAsyncEnumerator(stopStaying.Token);
        Assert.True((await Next(staying)).Stamp.IsSnapshot);

        using (var stopLeaving = new CancellationTokenSource())
        {
            var leaving = department.WatchInboxAsync(parks, stopLeaving.Token).GetAsyncEnumerator(stopLeaving.Token);
            Assert.True((await Next(leaving)).Stamp.IsSnapshot);
            stopLeaving.Cancel(); // the client goes away mid-stream
            await leaving.DisposeAsync();
        }

        var caseId = await _city.ReportCase("tree.fallen");
        await _city.HandOver(caseId, parks);
        Assert.Equal(caseId, Assert.Single((await Next(staying)).Cases).Id);

        using var stopLate = new CancellationTokenSource();
        await using var late = department.WatchInboxAsync(parks, stopLate.Token).GetAsyncEnumerator(stopLate.Token);
        Assert.Equal(caseId, Assert.Single((await Next(late)).Cases).Id);
        stopStaying.Cancel();
        stopLate.Cancel();
    }

    [Fact]
    public async Task A_case_watch_starts_with_its_history_and_follows_each_step()
    {
        var (roads, department) = await _city.AddDepartment("roads");
        using var _ = department;
        var caseId = await _city.ReportCase();
        using var stop = new CancellationTokenSource();
        await using var watch = _city.Hub.WatchCaseAsync("0x" + caseId.ToUpperInvariant(), stop.Token).GetAsyncEnumerator(stop.Token);

        var first = await Next(watch);
        Assert.Equal((caseId, CaseState.Reported), (first.Case.Id, first.Case.State));
        Assert.Equal(["case.report"], first.Events.Select(e => e.Action));

        await _city.HandOver(caseId, roads);
        var handedOver = await Next(watch);
        Assert.Equal(CaseState.HandedOver, handedOver.Case.State);
        Assert.Equal(["case.hand_over"], handedOver.Events.Select(e => e.Action));
        Assert.False(handedOver.Overdue);
        stop.Cancel();
    }

    [Fact]
    public async Task Watching_an_unknown_case_or_grant_is_not_found_and_a_malformed_id_is_invalid()
    {
        var unknown = new string('a', 64);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in _city.Hub.WatchCaseAsync(unknown)) { }
        });
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains(unknown, error.Status.Detail);

        var grant = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in _city.Hub.WatchGrantAsync(unknown)) { }
        });
        Assert.Equal(StatusCode.NotFound, grant.StatusCode);

        var malformed = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in _city.Hub.WatchCaseAsync("12345")) { }
        });
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);

        var noSuchDepartment = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in _city.Hub.WatchInboxAsync("no-such-department")) { }
        });
        Assert.Equal(StatusCode.NotFound, noSuchDepartment.StatusCode);
    }

    [Fact]
    public async Task A_resident_watching_their_points_sees_an_award_commit()
    {
        var resident = _city.Hub.Suite.GenerateKey().Address;
        using var stop = new CancellationTokenSource();
        await using var points = _city.Hub.WatchPointsAccountAsync(resident, stop.Token).GetAsyncEnumerator(stop.Token);
        var empty = await Next(points);
        Assert.Null(empty.Account);
        Assert.Equal(resident, empty.Resident);

        var award = await _city.Award(resident, 30);
        var update = await Next(points);
        Assert.Equal(award.Height, update.Stamp.Height);
        Assert.Equal(30ul, update.UsableBalance);
        Assert.Equal((PointsEntryKind.Award, 30ul), (Assert.Single(update.Entries).Kind, update.Entries[0].Amount));
        stop.Cancel();
    }

    [Fact]
    public async Task A_requester_watching_its_grant_sees_the_approval()
    {
        var (housing, department) = await _city.AddDepartment("housing");
        using var _ = department;
        var grantId = await _city.RequestGrant(department);
        using var stop = new CancellationTokenSource();
        await using var grant = department.WatchGrantAsync(grantId, stop.Token).GetAsyncEnumerator(stop.Token);
        var requested = await Next(grant);
        Assert.Equal((GrantStatus.Requested, housing), (requested.EffectiveStatus, requested.Grant.RequesterOrganisation));

        var approve = await _city.ApproveGrant(grantId);
        var approved = await Next(grant);
        Assert.Equal(GrantStatus.Active, approved.EffectiveStatus);
        Assert.Equal(10ul, approved.Grant.MaxUses);
        Assert.Equal(approve.Height, approved.Stamp.Height);
        stop.Cancel();
    }
}
