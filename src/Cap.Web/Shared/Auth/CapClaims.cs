using System.Security.Claims;
using Cap.Domain;
using Cap.Domain.Platform;

namespace Cap.Web.Shared.Auth;

/// <summary>The claims Cap puts in its session: only who the person is. Roles are read from the database on each request, so a change of role applies at once.</summary>
public static class CapClaims
{
    public const string Scheme = "Cap";
    public const string CookieScheme = "Cap.Cookie";
    public const string ApiTokenScheme = "Cap.ApiToken";
    public const string OidcScheme = "oidc";
    public const string SignInMethod = "cap:signin";

    /// <summary>When the session was opened (Unix seconds): the cookie is refused once the absolute lifetime has passed.</summary>
    public const string IssuedAt = "cap:issued";

    /// <summary>The <see cref="SignInMethod"/> of a session opened through the identity provider (ProConnect).</summary>
    public const string OidcMethod = "oidc";

    public static ClaimsPrincipal For(Person person, string authenticationType, string method, DateTimeOffset? issuedAt = null) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, person.DisplayName),
                new Claim(ClaimTypes.Email, person.Email),
                new Claim(SignInMethod, method),
                new Claim(IssuedAt, (issuedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            ],
            authenticationType, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>When the session was opened, or null when the principal carries no such claim.</summary>
    public static DateTimeOffset? SessionIssuedAt(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(IssuedAt), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Set on a request authenticated by a product token: the id of the only product it may touch.</summary>
    public const string TokenProduct = "cap:token-product";

    /// <summary>
    /// A product token acts as the person who created it (never more than their rights), limited to one product by
    /// <see cref="ProductTokenScope"/>; its name appears in the audit trail.
    /// </summary>
    public static ClaimsPrincipal ForProductToken(Person creator, int productId, string tokenName, string authenticationType) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, creator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, Text.Truncate($"{creator.DisplayName} (jeton produit « {tokenName} »)", ActorNameMaxLength)),
                new Claim(ClaimTypes.Email, creator.Email),
                new Claim(SignInMethod, "product-token"),
                new Claim(TokenProduct, productId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            authenticationType, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The length of the author and actor names kept with measurements and audit entries.</summary>
    public const int ActorNameMaxLength = 120;

    public static int? ProductTokenScope(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(TokenProduct), out var id) ? id : null;

    public static int? PersonId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
