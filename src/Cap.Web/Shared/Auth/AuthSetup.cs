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
    /// <summary>
    /// Any active person who holds a global role or belongs to a product team (the fallback for every page and endpoint
    /// not marked public). A person with neither waits for an administrator (<see cref="Access.IsAwaitingAccess"/>).
    /// </summary>
    public const string Reader = "Reader";
    public const string Admin = "Admin";
}

/// <summary>How long a session lasts: it ends after <see cref="Idle"/> without a request and, whatever the activity, <see cref="Absolute"/> after sign-in.</summary>
public sealed record SessionLifetime(TimeSpan Idle, TimeSpan Absolute)
{
    public const double DefaultIdleMinutes = 60;
    public const double DefaultAbsoluteHours = 10;
    public const double MaxAbsoluteHours = 12;

    public static SessionLifetime From(IConfiguration configuration)
    {
        var idle = configuration.GetValue("Authentication:Session:IdleMinutes", DefaultIdleMinutes);
        var absolute = configuration.GetValue("Authentication:Session:AbsoluteHours", DefaultAbsoluteHours);
        if (!(absolute > 0 && absolute <= MaxAbsoluteHours))
        {
            throw new InvalidOperationException(
                $"Authentication:Session:AbsoluteHours vaut {absolute} : la durée de vie absolue d’une session doit être comprise entre 0 et {MaxAbsoluteHours} heures.");
        }
        if (!(idle > 0 && idle <= absolute * 60))
        {
            throw new InvalidOperationException(
                $"Authentication:Session:IdleMinutes vaut {idle} : le délai d’inactivité doit être positif et ne pas dépasser la durée de vie absolue ({absolute * 60} minutes).");
        }
        return new SessionLifetime(TimeSpan.FromMinutes(idle), TimeSpan.FromHours(absolute));
    }

    /// <summary>Whether a session is past its absolute lifetime (a session without its issue date is treated as expired).</summary>
    public bool IsExpired(ClaimsPrincipal user, DateTimeOffset now) =>
        user.SessionIssuedAt() is not { } issued || issued > now.AddMinutes(5) || now - issued >= Absolute;
}

/// <summary>Sign-in (cookie session, OpenID Connect, demo picker, API tokens) and the authorization policies.</summary>
public static class AuthSetup
{
    public const string PendingPath = "/compte/en-attente";
    public const string RefusalPath = "/connexion/refus";

    public static bool OidcConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Authentication:Oidc:Authority"])
        && !string.IsNullOrWhiteSpace(configuration["Authentication:Oidc:ClientId"]);

    /// <summary>The demo picker: only when enabled, and never in Production once OpenID Connect is configured.</summary>
    public static bool DemoSignInEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool>("Authentication:DemoSignIn:Enabled")
        && !(environment.IsProduction() && OidcConfigured(configuration));

    /// <summary>Cookies without the Secure flag only where Cap is served over plain HTTP on purpose: development and tests.</summary>
    public static bool AllowsInsecureCookies(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static IServiceCollection AddCapAuth(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var oidc = OidcConfigured(configuration);
        var demo = configuration.GetValue<bool>("Authentication:DemoSignIn:Enabled");
        if (environment.IsProduction() && !oidc && !demo)
        {
            throw new InvalidOperationException(
                "Aucune méthode de connexion n’est configurée : renseignez Authentication:Oidc:Authority et Authentication:Oidc:ClientId (ProConnect), " +
                "ou activez explicitement Authentication:DemoSignIn:Enabled pour une démonstration.");
        }
        if (environment.IsProduction() && oidc && demo)
        {
            throw new InvalidOperationException(
                "La connexion de démonstration (Authentication:DemoSignIn:Enabled) est refusée en production dès que ProConnect est configuré : " +
                "elle permettrait à n’importe qui de se connecter sous l’identité d’une personne de démonstration. Désactivez-la.");
        }
        var lifetime = SessionLifetime.From(configuration);
        var provisioning = OidcProvisioning.From(configuration);
        var insecureCookies = AllowsInsecureCookies(environment);

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddSingleton(lifetime);
        services.AddSingleton(provisioning);

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
                o.Cookie.SecurePolicy = insecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.LoginPath = "/connexion";
                o.LogoutPath = "/deconnexion";
                // Idle timeout: the cookie's ticket expires after this long without a request (renewed past half-way).
                o.ExpireTimeSpan = lifetime.Idle;
                o.SlidingExpiration = true;
                // Absolute lifetime: however active the session, it ends this long after sign-in.
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    if (ctx.Principal is null || lifetime.IsExpired(ctx.Principal, now))
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(CapClaims.CookieScheme);
                    }
                };
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
                // A refusal is a 403 with an explanation page (or ProblemDetails), not a redirect; a person whose account
                // waits for a role is sent to the page that says so.
                o.Events.OnRedirectToAccessDenied = async ctx =>
                {
                    if (!IsApi(ctx.Request) && HttpMethods.IsGet(ctx.Request.Method)
                        && await ctx.HttpContext.RequestServices.GetRequiredService<CurrentUser>().IsAwaitingAccessAsync(ctx.HttpContext.RequestAborted))
                    {
                        ctx.Response.Redirect(PendingPath);
                        return;
                    }
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
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
                o.RequireHttpsMetadata = !insecureCookies;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                // Only the id_token is kept (in the session's properties, see OnTicketReceived): sign-out sends it as id_token_hint.
                o.SaveTokens = true;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
                o.ClaimActions.MapUniqueJsonKey("usual_name", "usual_name");
                o.ClaimActions.MapUniqueJsonKey("idp_id", "idp_id");
                o.ClaimActions.MapUniqueJsonKey("uid", "uid");
                o.CallbackPath = "/signin-oidc";
                o.SignedOutCallbackPath = "/signout-callback-oidc";
                o.SignedOutRedirectUri = "/";
                if (insecureCookies)
                {
                    // Plain HTTP in development and tests: a SameSite=None cookie would need Secure, which HTTP cannot set.
                    o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                    o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.NonceCookie.SameSite = SameSiteMode.Lax;
                }
                o.Scope.Clear();
                foreach (var scope in (configuration["Authentication:Oidc:Scopes"] ?? "openid email").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    o.Scope.Add(scope);
                }
                o.Events.OnTicketReceived = ctx => ReplaceWithCapPrincipalAsync(ctx, provisioning);
                o.Events.OnRemoteFailure = ctx =>
                {
                    ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthSetup).FullName!)
                        .LogWarning(ctx.Failure, "La connexion ProConnect a échoué.");
                    ctx.Response.Redirect($"{RefusalPath}/{OidcRefusal.Failed.Slug()}");
                    ctx.HandleResponse();
                    return Task.CompletedTask;
                };
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

    /// <summary>Maps the identity provider's account to a Cap person (see <see cref="OidcAccounts"/>), or sends the browser to the page that says why not.</summary>
    private static async Task ReplaceWithCapPrincipalAsync(TicketReceivedContext ctx, OidcProvisioning provisioning)
    {
        var db = ctx.HttpContext.RequestServices.GetRequiredService<CapDbContext>();
        var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var outcome = await OidcAccounts.ResolveAsync(db, ctx.Principal!, provisioning, now, ctx.HttpContext.RequestAborted);
        if (outcome.Refusal is { } refusal)
        {
            ctx.Response.Redirect($"{RefusalPath}/{refusal.Slug()}");
            ctx.HandleResponse();
            return;
        }
        ctx.Principal = CapClaims.For(outcome.Person!, CapClaims.CookieScheme, CapClaims.OidcMethod, now);
        // Keep the id_token only (for the provider's logout), not the access token.
        var properties = ctx.Properties!;
        var idToken = properties.GetTokenValue("id_token");
        properties.StoreTokens(idToken is null ? [] : [new AuthenticationToken { Name = "id_token", Value = idToken }]);
        if (outcome.Provisioned || await CurrentUser.IsAwaitingAccessAsync(db, outcome.Person!, ctx.HttpContext.RequestAborted))
        {
            ctx.ReturnUri = PendingPath;
        }
    }
}

/// <summary>The signed-in person exists, is active, does not wait for a role (and is an administrator when asked).</summary>
public sealed class ActivePersonRequirement(bool adminOnly) : IAuthorizationRequirement
{
    public bool AdminOnly { get; } = adminOnly;
}

public sealed class ActivePersonHandler(CurrentUser currentUser) : AuthorizationHandler<ActivePersonRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActivePersonRequirement requirement)
    {
        var person = await currentUser.GetAsync();
        if (person is null || await currentUser.IsAwaitingAccessAsync())
        {
            return;
        }
        if (!requirement.AdminOnly || Access.CanAdminister(person))
        {
            context.Succeed(requirement);
        }
    }
}
