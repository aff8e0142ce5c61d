namespace Cap.Web.Shared.Hosting;

public static class SecurityHeaders
{
    /// <summary>
    /// Strict defaults: only this origin's scripts, styles, fonts and images; no framing. The DSFR
    /// needs inline SVG data URIs for some icons, hence img-src data:. A response that set its own
    /// policy (<see cref="AllowFramingBy"/>) keeps it.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        // Not an async lambda: the middleware adds no state machine to every request, it hands on next's task.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                Apply(((HttpContext)state).Response.Headers);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });

    /// <summary>Sets the headers on a response about to start (one that set its own policy keeps it).</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (!headers.ContainsKey("Content-Security-Policy"))
        {
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = NoFramingPolicy;
        }
    }

    /// <summary>
    /// The headers of a JSON answer that no browser renders as a page (the public intake): sniffing off, and a policy that
    /// loads nothing and lets nothing frame it (OWASP's REST recommendation). The page-only headers (Permissions-Policy, X-Frame-Options,
    /// Referrer-Policy, the pages' CSP) have no effect on such an answer and are not sent: each of the intake's answers
    /// takes 261 bytes instead of 820 (a 201 with its receipt, Server header included before).
    /// </summary>
    public static void ApplyToJson(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = JsonPolicy;
    }

    /// <summary>The policy of a JSON answer: nothing to load, no framing.</summary>
    public const string JsonPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Cap uses none of the browser's powerful features: every one is refused, for Cap and anything it frames.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), " +
        "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), " +
        "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    private static readonly string NoFramingPolicy = Policy("'none'");

    private static string Policy(string frameAncestors) =>
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        $"connect-src 'self'; frame-ancestors {frameAncestors}; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The same strict policy, except that this response may be framed by <paramref name="origins"/> (canonical
    /// http(s) origins) and by nothing else; no origin means no framing. For the public satisfaction form only.
    /// </summary>
    public static void AllowFramingBy(HttpResponse response, IEnumerable<string> origins)
    {
        var list = string.Join(' ', origins.Where(o => !o.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '\'')));
        response.Headers.ContentSecurityPolicy = Policy(list.Length == 0 ? "'none'" : list);
        if (list.Length == 0)
        {
            response.Headers.XFrameOptions = "DENY";
        }
    }

    /// <summary>API bodies above the limit are refused with 413 before they are read.</summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                if (context.Request.ContentLength > maxBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
                var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
                if (feature is { IsReadOnly: false })
                {
                    feature.MaxRequestBodySize = maxBytes;
                }
            }
            await next();
        });
}
