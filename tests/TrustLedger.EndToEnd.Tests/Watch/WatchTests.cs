using Grpc.Core;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Protocol.Crypto;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Watch;

/// <summary>Live views through the SDK against a real node: streams that follow entities as blocks commit.</summary>
[Collection(DomainCollection.Name)]
public sealed class WatchTests(NodeFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static byte[] Sha256(string text) => DigestHashFunction.Sha256.Hash(System.Text.Encoding.UTF8.GetBytes(text)).ToArray();

    private static async Task<T> Next<T>(IAsyncEnumerator<T> updates)
    {
        Assert.True(await updates.MoveNextAsync().AsTask().WaitAsync(Deadline), "the stream ended");
        return updates.Current;
    }

    private static async Task<string> Report(Member hub, string category = "road.damage") =>
        (await hub.Client.Cases.ReportAsync(category, "grid:330402-017-05", Sha256("pothole at the corner"), Severity.High)).Id;

    [Fact]
    public async Task A_department_watching_its_inbox_sees_the_case_the_hub_hands_over_as_it_commits()
    {
        using var net = new DomainNetwork(fixture);
        var hub = await net.AddAsync("hub", Roles.Hub);
        var water = await net.AddAsync("water", Roles.Department);
        using var stop = new CancellationTokenSource();
        await using var inbox = water.Client.WatchInboxAsync(water.Id, stop.Token).GetAsyncEnumerator(stop.Token);

        var snapshot = await Next(inbox);
        Assert.True(snapshot.Stamp.IsSnapshot);
        Assert.Equal(water.Id, snapshot.Department);
        Assert.Empty(snapshot.Cases);

        var caseId = await Report(hub);
        var handOver = await hub.Client.Cases.HandOverAsync(caseId, water.Id, DateTimeOffset.UtcNow.AddDays(3), "reported by a grid worker");
        var handedOver = await Next(inbox);
        var waiting = Assert.Single(handedOver.Cases);
        Assert.Equal((caseId, CaseState.HandedOver, water.Id), (waiting.Id, waiting.State, waiting.AssigneeOrganisation));
        Assert.Equal(handOver.Height, handedOver.Stamp.Height);
        Assert.False(handedOver.Stamp.IsSnapshot);
        Assert.Equal(1, handedOver.Waiting);

        var accept = await water.Client.Cases.AcceptAsync(caseId); // changes the case, not the inbox set
        var accepted = await Next(inbox);
        Assert.Equal(CaseState.Accepted, Assert.Single(accepted.Cases).State);
        Assert.Equal(accept.Height, accepted.Stamp.Height);

        await water.Client.Cases.RecordHandlingAsync(caseId, "road resurfaced", Sha256("photo"));
        var handled = await Next(inbox);
        Assert.Equal([caseId], handled.Removed);
        Assert.Equal(0, handled.Waiting);
        stop.Cancel();
    }

    [Fact]
    public async Task A_watcher_that_disconnects_does_not_break_the_others()
    {
        using var net = new DomainNetwork(fixture);
        var hub = await net.AddAsync("hub", Roles.Hub);
        var parks = await net.AddAsync("parks", Roles.Department);
        using var stopStaying = new CancellationTokenSource();
        await using var staying = hub.Client.WatchInboxAsync(parks.Id, stopStaying.Token).GetAsyncEnumerator(stopStaying.Token);
        Assert.True((await Next(staying)).Stamp.IsSnapshot);

        using (var stopLeaving = new CancellationTokenSource())
        {
            var leaving = parks.Client.WatchInboxAsync(parks.Id, stopLeaving.Token).GetAsyncEnumerator(stopLeaving.Token);
            Assert.True((await Next(leaving)).Stamp.IsSnapshot);
            stopLeaving.Cancel(); // the client goes away mid-stream
            await leaving.DisposeAsync();
        }

        var caseId = await Report(hub, "tree.fallen");
        await hub.Client.Cases.HandOverAsync(caseId, parks.Id, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(caseId, Assert.Single((await Next(staying)).Cases).Id);

        using var stopLate = new CancellationTokenSource();
        await using var late = parks.Client.WatchInboxAsync(parks.Id, stopLate.Token).GetAsyncEnumerator(stopLate.Token);
        Assert.Equal(caseId, Assert.Single((await Next(late)).Cases).Id);
        stopStaying.Cancel();
        stopLate.Cancel();
    }

    [Fact]
    public async Task A_case_watch_starts_with_its_history_and_follows_each_step()
    {
        using var net = new DomainNetwork(fixture);
        var hub = await net.AddAsync("hub", Roles.Hub);
        var roads = await net.AddAsync("roads", Roles.Department);
        var caseId = await Report(hub);
        using var stop = new CancellationTokenSource();
        await using var watch = hub.Client.WatchCaseAsync("0x" + caseId.ToUpperInvariant(), stop.Token).GetAsyncEnumerator(stop.Token);

        var first = await Next(watch);
        Assert.Equal((caseId, CaseState.Reported), (first.Case.Id, first.Case.State));
        Assert.Equal(["case.report"], first.Events.Select(e => e.Action));

        await hub.Client.Cases.HandOverAsync(caseId, roads.Id, DateTimeOffset.UtcNow.AddDays(3));
        var handedOver = await Next(watch);
        Assert.Equal(CaseState.HandedOver, handedOver.Case.State);
        Assert.Equal(["case.hand_over"], handedOver.Events.Select(e => e.Action));
        Assert.False(handedOver.Overdue);
        stop.Cancel();
    }

    [Fact]
    public async Task A_department_sees_its_case_turn_overdue_at_the_deadline_without_another_block()
    {
        using var net = new DomainNetwork(fixture);
        var hub = await net.AddAsync("hub", Roles.Hub);
        var fire = await net.AddAsync("fire", Roles.Department);
        var caseId = await Report(hub, "hydrant.leak");
        var handOver = await hub.Client.Cases.HandOverAsync(caseId, fire.Id, DateTimeOffset.UtcNow.AddSeconds(2));
        using var stop = new CancellationTokenSource();
        await using var watch = fire.Client.WatchCaseAsync(caseId, stop.Token).GetAsyncEnumerator(stop.Token);
        var first = await Next(watch);
        if (!first.Overdue) // unless the machine was slow enough for the deadline to pass already
        {
            var due = await Next(watch);
            Assert.True(due.Overdue);
            Assert.Equal(first.Stamp.Height, due.Stamp.Height); // judged anew, not read from a new block
            Assert.True(due.Stamp.JudgedAt.ToUnixTimeMilliseconds() > first.Case.DeadlineMs);
        }
        Assert.True(handOver.Height <= first.Stamp.Height);
        stop.Cancel();
    }

    [Fact]
    public async Task Watching_an_unknown_case_or_grant_is_not_found_and_a_malformed_id_is_invalid()
    {
        var client = fixture.Client;
        var unknown = new string('a', 64);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in client.WatchCaseAsync(unknown)) { }
        });
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains(unknown, error.Status.Detail);

        var grant = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in client.WatchGrantAsync(unknown)) { }
        });
        Assert.Equal(StatusCode.NotFound, grant.StatusCode);

        var malformed = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in client.WatchCaseAsync("12345")) { }
        });
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);

        var noSuchDepartment = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in client.WatchInboxAsync("no-such-department")) { }
        });
        Assert.Equal(StatusCode.NotFound, noSuchDepartment.StatusCode);
    }

    [Fact]
    public async Task A_resident_watching_their_points_sees_an_award_commit()
    {
        using var net = new DomainNetwork(fixture);
        var community = await net.AddAsync("garden-club", Roles.Community);
        var residentKey = net.NewResident();
        var resident = residentKey.Address;
        using var wallet = await Sdk.TrustLedgerClient.ConnectAsync(fixture.Node.Endpoint, residentKey); // an account is the resident's to watch
        using var stop = new CancellationTokenSource();
        await using var points = wallet.WatchPointsAccountAsync(resident, stop.Token).GetAsyncEnumerator(stop.Token);
        var empty = await Next(points);
        Assert.Null(empty.Account);
        Assert.Equal(resident, empty.Resident);

        var award = await community.Client.Points.AwardAsync(resident, 30, "volunteer.cleanup");
        var update = await Next(points);
        Assert.Equal(award.Height, update.Stamp.Height);
        Assert.Equal(30ul, update.UsableBalance);
        var entry = Assert.Single(update.Entries);
        Assert.Equal((PointsEntryKind.Award, 30ul, community.Id), (entry.Kind, entry.Amount, entry.Organisation));
        stop.Cancel();
    }

    [Fact]
    public async Task A_requester_watching_its_grant_sees_the_owner_approve_it()
    {
        using var net = new DomainNetwork(fixture);
        var owner = await net.AddAsync("civil-affairs", Roles.Department);
        var requester = await net.AddAsync("housing", Roles.Department);
        var dataset = await owner.Client.DataSharing.RegisterDatasetAsync("household register", ["household_id", "address"], Sensitivity.Confidential);
        var request = await requester.Client.DataSharing.RequestAccessAsync(dataset.Id, ["household_id"],
            "verify residence for a housing subsidy", "municipal regulation 12/2024 art. 5", TimeSpan.FromDays(30));
        using var stop = new CancellationTokenSource();
        await using var grant = requester.Client.WatchGrantAsync(request.Id, stop.Token).GetAsyncEnumerator(stop.Token);
        var requested = await Next(grant);
        Assert.Equal((GrantStatus.Requested, requester.Id), (requested.EffectiveStatus, requested.Grant.RequesterOrganisation));

        var approve = await owner.Client.DataSharing.ApproveAsync(request.Id, maxUses: 10);
        var approved = await Next(grant);
        Assert.Equal(GrantStatus.Active, approved.EffectiveStatus);
        Assert.Equal(10ul, approved.Grant.MaxUses);
        Assert.Equal(approve.Height, approved.Stamp.Height);
        stop.Cancel();
    }
}
