using Cap.Domain.Notifications;

namespace Cap.Web.Features.Digests;

/// <summary>One digest as the caller receives it. <c>applies</c>: false when the digest is not for them (the committee's, to non-members).</summary>
public sealed record DigestSubscriptionResponse(DigestKind Kind, string KindLabel, bool Applies, bool Receives)
{
    public static DigestSubscriptionResponse From(Shared.DigestPreferences.Choice c) => new(c.Kind, c.Kind.Label(), c.Applies, c.Receives);
}

/// <summary>The caller's choices; a digest left out (null) keeps its current setting.</summary>
public sealed record DigestPreferencesRequest(bool? Weekly, bool? Committee);
