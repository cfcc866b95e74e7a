namespace TrustLedger.Network.Tests.Support;

/// <summary>Why the multi-validator tests are skipped, in one place, so enabling them is one edit.</summary>
public static class Bft
{
    public const string Pending =
        "Needs the BFT wiring between validators (node/TrustLedger.Consensus in the node host, peers from --peers): until it merges, " +
        "a node refuses a genesis naming more than one validator. Remove this Skip when it lands.";
}
