using Grpc.Core;
using TrustLedger.Node.Services.Records;
using TrustLedger.Node.Tests.Support;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Node.Tests.Records;

public sealed class RequestReplayGuardTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(300);
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static Address Signer(byte tag) => new(Enumerable.Repeat(tag, 20).ToArray());

    private static byte[] Nonce(int i) => BitConverter.GetBytes((long)i).Concat(new byte[8]).ToArray();

    [Fact]
    public void A_fresh_request_is_admitted_once_and_its_replay_refused()
    {
        var guard = new RequestReplayGuard(_time, Window, capacity: 16, perOrganisation: 2);

        Assert.Null(guard.Admit("civil-affairs", Signer(1), Nonce(1), Now));
        var replay = guard.Admit("civil-affairs", Signer(1), Nonce(1), Now);

        Assert.Equal(StatusCode.AlreadyExists, replay!.StatusCode);
        Assert.Equal(1, guard.HeldBy("civil-affairs"));
    }

    [Fact]
    public void A_stale_timestamp_is_refused_and_takes_no_slot()
    {
        var guard = new RequestReplayGuard(_time, Window, capacity: 16, perOrganisation: 2);

        Assert.Equal(StatusCode.Unauthenticated, guard.CheckTimestamp(Now - 301_000)!.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, guard.Admit("civil-affairs", Signer(1), Nonce(1), Now + 301_000)!.StatusCode);
        Assert.Null(guard.CheckTimestamp(Now + 299_000));
        Assert.Equal(0, guard.Count);
    }

    [Fact]
    public void An_organisation_over_its_share_is_refused_by_name_while_others_are_still_admitted()
    {
        var guard = new RequestReplayGuard(_time, Window, capacity: 16, perOrganisation: 2);
        Assert.Null(guard.Admit("civil-affairs", Signer(1), Nonce(1), Now));
        Assert.Null(guard.Admit("civil-affairs", Signer(2), Nonce(2), Now)); // a second key of the same organisation counts too

        var over = guard.Admit("civil-affairs", Signer(1), Nonce(3), Now);

        Assert.Equal(StatusCode.ResourceExhausted, over!.StatusCode);
        Assert.Contains("'civil-affairs'", over.Status.Detail);
        Assert.Null(guard.Admit("tax-bureau", Signer(3), Nonce(1), Now));
        Assert.Equal(2, guard.HeldBy("civil-affairs"));
        Assert.Equal(3, guard.Count);
    }

    [Fact]
    public void A_flooding_organisation_cannot_fill_the_guard_for_the_others()
    {
        var guard = new RequestReplayGuard(_time, Window, capacity: 800, perOrganisation: 100);

        var admitted = Enumerable.Range(0, 10_000).Count(i => guard.Admit("flooder", Signer(9), Nonce(i), Now) is null);

        Assert.Equal(100, admitted);
        Assert.Equal(100, guard.Count);
        Assert.All(Enumerable.Range(0, 7), org =>
            Assert.Null(guard.Admit($"org-{org}", Signer((byte)org), Nonce(0), Now)));
    }

    [Fact]
    public void Expired_requests_give_their_organisation_its_share_back()
    {
        var guard = new RequestReplayGuard(_time, Window, capacity: 16, perOrganisation: 2);
        Assert.Null(guard.Admit("civil-affairs", Signer(1), Nonce(1), Now));
        Assert.Null(guard.Admit("civil-affairs", Signer(1), Nonce(2), Now));
        Assert.Equal(StatusCode.ResourceExhausted, guard.Admit("civil-affairs", Signer(1), Nonce(3), Now)!.StatusCode);

        _time.Advance(Window + TimeSpan.FromSeconds(11));

        Assert.Null(guard.Admit("civil-affairs", Signer(1), Nonce(3), Now));
        Assert.Equal(1, guard.HeldBy("civil-affairs"));
        Assert.Equal(1, guard.Count);
    }

    [Fact]
    public void The_whole_guard_full_is_still_refused()
    {
        var guard = new RequestReplayGuard(_time, Window, capacity: 4, perOrganisation: 2);
        foreach (var org in new[] { "a", "b" })
            for (var i = 0; i < 2; i++)
                Assert.Null(guard.Admit(org, Signer(1), Nonce(i + (org == "a" ? 0 : 10)), Now));

        Assert.Equal(StatusCode.ResourceExhausted, guard.Admit("c", Signer(2), Nonce(1), Now)!.StatusCode);
    }

    [Fact]
    public void A_share_larger_than_the_capacity_is_refused_at_construction() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestReplayGuard(_time, Window, capacity: 4, perOrganisation: 5));
}
