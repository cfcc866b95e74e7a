using Google.Protobuf;

namespace TrustLedger.Proto.Api.V1;

/// <summary>A message of a live-view stream (watch_service.proto): each one leads with its <see cref="ViewStamp"/>.</summary>
public interface IWatchUpdate : IMessage
{
    ViewStamp Stamp { get; set; }
}

public sealed partial class InboxUpdate : IWatchUpdate;

public sealed partial class CaseUpdate : IWatchUpdate;

public sealed partial class GrantUpdate : IWatchUpdate;

public sealed partial class PointsAccountUpdate : IWatchUpdate;
