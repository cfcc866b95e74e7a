using System.Text.Json.Nodes;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Sdk.Domain;

namespace TrustLedger.Cli.Commands;

internal sealed partial class DemoStory
{
    private ResidentWallet _resident = null!;

    /// <summary>微嘉园 积分: a community organisation awards points, the resident signs a redemption, the store submits it.</summary>
    private async Task PointsAsync()
    {
        var (community, store) = (_cast.Community, _cast.Store);
        Heading("4. Community points — 微嘉园 积分 (earn for civic participation, redeem at a store)");
        _resident = ResidentWallet.Create(admin.Suite.Name, admin.ChainId);
        KeyFile.Save(_resident.Key, Path.Combine(keysDir, $"resident-{tag}.key.json"), _password, ScryptCost.Light);
        Say($"   a resident with a fresh key of its own, no organisation: {_resident.Address}");

        var cleanup = await community.Client.Points.AwardAsync(_resident.Address, 120, "volunteer.cleanup", cancellation: cancellation);
        Say($"   {community.Id} awards 120 points for a river clean-up   balance {cleanup.Value}  block {cleanup.Height}");
        var visit = await community.Client.Points.AwardAsync(_resident.Address, 30, "elderly.visit", cancellation: cancellation);
        Say($"   {community.Id} awards 30 points for visiting elderly neighbours   balance {visit.Value}  block {visit.Height}");

        // The resident's app signs with the resident's key; the store receives the slip (e.g. as a QR code) and submits it.
        var slip = _resident.AuthoriseRedemption(store.Id, 50, TimeSpan.FromMinutes(10));
        var redeemed = await store.Client.Points.RedeemAsync(slip, cancellation);
        Say($"   the resident signs a redemption of 50 points at {store.Id}; the store submits it   balance {redeemed.Value}  block {redeemed.Height}");
        await RefusedAsync("the store submitting the same redemption again (no double spend)", () => store.Client.Points.RedeemAsync(slip, cancellation));
        await RefusedAsync("a redemption larger than the balance (no negative balance)",
            () => store.Client.Points.RedeemAsync(_resident.AuthoriseRedemption(store.Id, 1000), cancellation));

        _facts["points"] = new JsonObject
        {
            ["resident"] = _resident.Address.ToString(), ["awarded"] = 150, ["redeemed"] = 50, ["balanceAfter"] = redeemed.Value,
            ["redemptionId"] = slip.RedemptionId, ["redeemBlock"] = redeemed.Height,
        };
    }
}
