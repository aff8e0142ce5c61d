using Cap.Domain.Platform;

namespace Cap.Web.Shared;

/// <summary>The model of the <c>_ApiTokens</c> partial: a table of tokens, with a revoke button (handler "Revoke") when allowed.</summary>
/// <param name="Creators">For product tokens, the name of the person who created each token, by person id.</param>
public sealed record ApiTokenList(IReadOnlyList<ApiToken> Tokens, string Caption, bool CanRevoke, IReadOnlyDictionary<int, string>? Creators = null);
