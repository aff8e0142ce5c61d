using System.Security.Claims;
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

    public static ClaimsPrincipal For(Person person, string authenticationType, string method) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, person.DisplayName),
                new Claim(ClaimTypes.Email, person.Email),
                new Claim(SignInMethod, method),
            ],
            authenticationType, ClaimTypes.Name, ClaimTypes.Role));

    public static int? PersonId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
