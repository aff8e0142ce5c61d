using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cap.Data;
using Cap.Web.Features;
using Cap.Web.Features.Satisfaction;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Data;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Products;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Cap.Web.Shared.Hosting;

/// <summary>Composition of the host: services, then the request pipeline.</summary>
public static class CapHost
{
    public static void AddCap(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // No « Server: Kestrel » on the answers: nothing tells a visitor which server answers.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddSingleton(TimeProvider.System);
        builder.AddCapTelemetry();
        services.AddHttpContextAccessor();
        services.AddSingleton<PublicUrls>();
        var forwarded = ReverseProxy.Options(configuration);
        services.AddSingleton(forwarded);
        services.AddCapDatabase(configuration, builder.Environment);
        services.AddCapAuth(configuration, builder.Environment);
        // After the sign-in check, so that an instance missing both says first that no sign-in method is configured.
        PublicUrls.ValidateAtStartup(configuration, builder.Environment);

        // Keys in the database so that several instances share sessions and antiforgery tokens; encrypted at rest
        // when a certificate is configured (DataProtection:CertificatePath).
        services.AddCapDataProtection(configuration);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(configuration.GetValue("Hsts:MaxAgeDays", 365));
            o.IncludeSubDomains = configuration.GetValue("Hsts:IncludeSubDomains", true);
            o.Preload = configuration.GetValue("Hsts:Preload", false);
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Administration", Policies.Admin);
                o.Conventions.AddPageRoute("/Administration/ReferenceEdit", "/admin/referentiels/{kind}/{id:int}");
                o.Conventions.AddPageRoute("/Administration/PersonEdit", "/admin/personnes/{id:int}");
            })
            .AddMvcOptions(o => o.MaxModelBindingCollectionSize = 200)
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.PageViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension);
            o.ViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cap.antiforgery";
            o.FormFieldName = "__cap_csrf";
            // Secure outside Development and the tests (which run over plain HTTP): never sent over an unencrypted connection.
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddCapOpenApi();
        // Readiness: what must work for Cap to serve (the database); liveness checks nothing but the process (HealthResponse).
        services.AddHealthChecks().AddDbContextCheck<CapDbContext>("database", tags: [HealthResponse.Ready]);

        services.AddProductAccess();
        services.AddScoped<PhaseMoves>();
        services.AddCapFeatures();
    }

    public static async Task UseCapAsync(this WebApplication app)
    {
        await app.MigrateAndSeedAsync();

        // First of all, so that every branch (the public intake's rate limits included) sees the client's real address
        // and scheme — but only when the request comes from a configured proxy.
        var forwarded = app.Services.GetRequiredService<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>();
        if (ReverseProxy.IsConfigured(forwarded))
        {
            app.UseForwardedHeaders(forwarded);
        }

        // The public satisfaction intake is the one hot path, open to every visitor of every product: it needs no
        // culture, cookie, sign-in or page machinery, so it gets a short branch of its own (decision 0004): routing to
        // its endpoint and one middleware for the security headers, the rate limits, ProblemDetails errors and bodies.
        app.MapWhen(ctx => ctx.Request.Path.StartsWithSegments(SatisfactionIntakeEndpoints.PathPrefix), intake =>
        {
            intake.UseRouting();
            intake.UseMiddleware<IntakeGuard>();
            intake.UseEndpoints(endpoints => endpoints.MapSatisfactionIntake());
        });

        var french = new CultureInfo("fr-FR");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(french),
            SupportedCultures = [french],
            SupportedUICultures = [french],
        });
        // The API answers ProblemDetails (ProblemDetailsExceptionHandler); screens show the French error page.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), screens => screens.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/erreur/500",
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when ReverseProxy.IsInsecureRequestRefusal(ex) => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        }));
        app.UseCapStatusCodePages();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseStaticFiles();
        app.UseRouting();
        // After routing: the satisfaction limits partition by the route's placement key.
        app.UseRateLimiter();
        app.UseApiBodyLimit(app.Configuration.GetValue("Api:MaxBodyBytes", 8 * 1024 * 1024));
        app.UseAuthentication();
        // API writes with the session cookie come from Cap's own pages (Sec-Fetch-Site / Origin), or are refused.
        app.UseApiSameOrigin();
        app.UseAuthorization();
        app.UseProductTokenScope();
        // Text with a NUL never reaches a page or an endpoint (PostgreSQL cannot hold it).
        app.UseNullCharacterGuard();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health", HealthResponse.Options).AllowAnonymous();
        app.MapHealthChecks("/health/live", HealthResponse.Live).AllowAnonymous();
        app.MapHealthChecks("/health/ready", HealthResponse.Readiness).AllowAnonymous();
        app.MapRazorPages();
        app.MapCapFeatures();
    }
}
