using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Web.Tests.Platform;

/// <summary>One /api/v1 operation as the application maps it: an HTTP method and its route.</summary>
public sealed record ApiRoute(string Method, RoutePattern Pattern, bool AllowsAnonymous)
{
    public static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public bool IsWrite => WriteMethods.Contains(Method, StringComparer.Ordinal);

    public override string ToString() => $"{Method} {Pattern.RawText}";

    /// <summary>The path with every parameter filled by <paramref name="value"/> (given the parameter's name and constraints).</summary>
    public string Path(Func<RoutePatternParameterPart, string> value)
    {
        var path = new StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(value(parameter)),
                    _ => throw new InvalidOperationException($"Unknown route part in {Pattern.RawText}."),
                });
            }
        }
        return path.ToString();
    }

    /// <summary>Whether a concrete path (placeholders such as {fresh} allowed, query ignored) is this route's.</summary>
    public bool Matches(string method, string path)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var regex = new StringBuilder("^");
        foreach (var segment in Pattern.PathSegments)
        {
            regex.Append('/');
            foreach (var part in segment.Parts)
            {
                regex.Append(part switch
                {
                    RoutePatternLiteralPart literal => Regex.Escape(literal.Content),
                    RoutePatternSeparatorPart separator => Regex.Escape(separator.Content),
                    RoutePatternParameterPart { IsCatchAll: true } => ".*",
                    RoutePatternParameterPart => "[^/]+",
                    _ => throw new InvalidOperationException($"Unknown route part in {Pattern.RawText}."),
                });
            }
        }
        regex.Append("/?$");
        var bare = path.Split('?')[0];
        return Regex.IsMatch(bare, regex.ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>Every /api/v1 operation the application serves, read from its endpoint data source (not a hand-kept list).</summary>
    public static IReadOnlyList<ApiRoute> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != "OPTIONS" && m != "HEAD")
                .Select(m => new ApiRoute(m, e.RoutePattern, e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .DistinctBy(r => r.ToString())
            .OrderBy(r => r.Pattern.RawText, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
}
