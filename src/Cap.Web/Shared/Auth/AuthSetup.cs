using System.Security.Claims;
using Cap.Data;
using Cap.Domain.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Cap.Web.Shared.Auth;

public static class Policies
{
    /// <summary>Any active person (the fallback for every page and endpoint not marked public).</summary>
    public const string Reader = "Reader";
    public const string Admin = "Admin";
}

/// <summary>Sign-in (cookie session, OpenID Connect, demo picker, API tokens) and the authorization policies.</summary>
public static class AuthSetup
{
    public static bool OidcConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Authentication:Oidc:Authority"])
        && !string.IsNullOrWhiteSpace(configuration["Authentication:Oidc:ClientId"]);

    public static bool DemoSignInEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool>("Authentication:DemoSignIn:Enabled");

    public static IServiceCollection AddCapAuth(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var oidc = OidcConfigured(configuration);
        if (environment.IsProduction() && !oidc && !DemoSignInEnabled(configuration))
        {
            throw new InvalidOperationException(
                "Aucune méthode de connexion n’est configurée : renseignez Authentication:Oidc:Authority et Authentication:Oidc:ClientId (ProConnect), " +
                "ou activez explicitement Authentication:DemoSignIn:Enabled pour une démonstration.");
        }

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<CurrentUser>());

        var auth = services.AddAuthentication(CapClaims.Scheme)
            .AddPolicyScheme(CapClaims.Scheme, "Cap", o =>
            {
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? CapClaims.ApiTokenScheme
                        : CapClaims.CookieScheme;
                o.ForwardSignIn = CapClaims.CookieScheme;
                o.ForwardSignOut = CapClaims.CookieScheme;
            })
            .AddCookie(CapClaims.CookieScheme, o =>
            {
                o.Cookie.Name = "cap.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/connexion";
                o.LogoutPath = "/deconnexion";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx =>
                {
                    if (IsApi(ctx.Request))
                    {
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        ctx.Response.Redirect(ctx.RedirectUri);
                    }
                    return Task.CompletedTask;
                };
                // A refusal is a 403 with an explanation page (or ProblemDetails), not a redirect.
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(CapClaims.ApiTokenScheme, _ => { });

        if (oidc)
        {
            auth.AddOpenIdConnect(CapClaims.OidcScheme, "ProConnect", o =>
            {
                o.SignInScheme = CapClaims.CookieScheme;
                o.Authority = configuration["Authentication:Oidc:Authority"];
                o.ClientId = configuration["Authentication:Oidc:ClientId"];
                o.ClientSecret = configuration["Authentication:Oidc:ClientSecret"];
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.CallbackPath = "/signin-oidc";
                o.SignedOutCallbackPath = "/signout-callback-oidc";
                o.Scope.Clear();
                foreach (var scope in (configuration["Authentication:Oidc:Scopes"] ?? "openid email").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    o.Scope.Add(scope);
                }
                o.Events.OnTicketReceived = ctx => ReplaceWithCapPrincipalAsync(ctx, configuration);
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reader, p => p.RequireAuthenticatedUser().AddRequirements(new ActivePersonRequirement(adminOnly: false)))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().AddRequirements(new ActivePersonRequirement(adminOnly: true)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(CapClaims.Scheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new ActivePersonRequirement(adminOnly: false))
                .Build());
        services.AddScoped<IAuthorizationHandler, ActivePersonHandler>();
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>Maps the identity provider's account to a Cap person (found by subject, then e-mail; created when auto-provisioning is on).</summary>
    private static async Task ReplaceWithCapPrincipalAsync(TicketReceivedContext ctx, IConfiguration configuration)
    {
        var claims = ctx.Principal!;
        var subject = claims.FindFirstValue("sub");
        var email = claims.FindFirstValue("email")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(email))
        {
            ctx.Fail("Le fournisseur d’identité n’a pas transmis d’identifiant ou d’adresse électronique.");
            return;
        }
        var db = ctx.HttpContext.RequestServices.GetRequiredService<CapDbContext>();
        var person = await db.People.FirstOrDefaultAsync(p => p.ExternalSubject == subject)
            ?? await db.People.FirstOrDefaultAsync(p => p.Email == email);
        if (person is null)
        {
            if (!configuration.GetValue("Authentication:Oidc:AutoProvision", true))
            {
                ctx.Fail("Votre compte n’est pas encore ouvert dans Cap : demandez-le à un administrateur.");
                return;
            }
            var name = $"{claims.FindFirstValue("given_name")} {claims.FindFirstValue("usual_name") ?? claims.FindFirstValue("family_name")}".Trim();
            person = new Person { Email = email, DisplayName = string.IsNullOrEmpty(name) ? email : name };
            db.People.Add(person);
        }
        if (!person.IsActive)
        {
            ctx.Fail("Votre compte Cap est désactivé.");
            return;
        }
        person.ExternalSubject ??= subject;
        await db.SaveChangesAsync();
        ctx.Principal = CapClaims.For(person, CapClaims.CookieScheme, "oidc");
    }
}

/// <summary>The signed-in person exists and is active (and is an administrator when asked).</summary>
public sealed class ActivePersonRequirement(bool adminOnly) : IAuthorizationRequirement
{
    public bool AdminOnly { get; } = adminOnly;
}

public sealed class ActivePersonHandler(CurrentUser currentUser) : AuthorizationHandler<ActivePersonRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActivePersonRequirement requirement)
    {
        var person = await currentUser.GetAsync();
        if (person is not null && (!requirement.AdminOnly || Access.CanAdminister(person)))
        {
            context.Succeed(requirement);
        }
    }
}
