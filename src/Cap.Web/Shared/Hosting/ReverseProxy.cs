using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cap.Web.Shared.Hosting;

/// <summary>
/// Behind a reverse proxy: X-Forwarded-For / -Proto / -Host are believed only from the proxies and networks listed in
/// <c>ReverseProxy:KnownProxies</c> and <c>ReverseProxy:KnownNetworks</c>. None by default, so by default no forwarded
/// header is honoured (not even from the loopback, which ASP.NET Core trusts out of the box): a client cannot choose
/// its own address (rate limits) or scheme.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    /// <summary>
    /// Whether <paramref name="exception"/> is the antiforgery's refusal to issue its Secure cookie over plain HTTP: a page
    /// with a form, outside Development, reached without HTTPS (no TLS, or a TLS proxy not declared in this section).
    /// The screens then answer 400 with a French page saying so, not an unexplained 500.
    /// </summary>
    public static bool IsInsecureRequestRefusal(Exception exception) =>
        exception is InvalidOperationException && exception.TargetSite?.DeclaringType?.Namespace == "Microsoft.AspNetCore.Antiforgery";

    /// <summary>Reads the configuration; throws a French message for an address or network that does not parse.</summary>
    public static ForwardedHeadersOptions Options(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = configuration.GetValue($"{Section}:ForwardLimit", 1),
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var value in List(configuration, "KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies : « {value} » n’est pas une adresse IP (par exemple 10.0.0.12)."));
        }
        foreach (var value in List(configuration, "KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"ReverseProxy:KnownNetworks : « {value} » n’est pas un réseau en notation CIDR (par exemple 10.0.0.0/24)."));
        }
        // X-Forwarded-Host is only taken when it names one of the allowed hosts (AllowedHosts, when it is not "*").
        var allowedHosts = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (allowedHosts.Length > 0 && !allowedHosts.Contains("*"))
        {
            foreach (var host in allowedHosts)
            {
                options.AllowedHosts.Add(host);
            }
        }
        return options;
    }

    /// <summary>Whether any proxy or network is configured (otherwise the middleware is not added at all).</summary>
    public static bool IsConfigured(ForwardedHeadersOptions options) => options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0;

    /// <summary>A list from configuration: an array (<c>KnownProxies:0</c>, …) or one string separated by commas or semicolons.</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal);
    }
}
