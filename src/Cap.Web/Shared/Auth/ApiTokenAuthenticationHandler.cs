using System.Text.Encodings.Web;
using Cap.Data;
using Cap.Domain.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cap.Web.Shared.Auth;

/// <summary>Authenticates scripts that send <c>Authorization: Bearer cap_…</c> with a personal or product API token (see <see cref="ProductTokenScope"/>).</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CapDbContext db,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return AuthenticateResult.Fail("Jeton d’API mal formé.");
        }
        var hash = ApiToken.HashSecret(secret);
        var now = time.GetUtcNow();
        var token = await db.ApiTokens.Include(t => t.Person).FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token?.Person is null || !token.IsUsable(now) || !token.Person.IsActive)
        {
            return AuthenticateResult.Fail("Jeton d’API inconnu, expiré ou révoqué.");
        }
        // Recorded at most every five minutes: enough to show whether a token is in use, without a write per call.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }
        var principal = token.ProductId is { } productId
            ? CapClaims.ForProductToken(token.Person, productId, token.Name, Scheme.Name)
            : CapClaims.For(token.Person, Scheme.Name, "api-token");
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
