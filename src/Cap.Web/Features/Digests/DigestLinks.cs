using Cap.Web.Shared.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Cap.Web.Features.Digests;

/// <summary>
/// The base address of the digests' links: <c>PublicBaseUrl</c> (required in Production), else the request being served
/// (« Générer maintenant »), else — a scheduled run in Development — the address the server listens on.
/// </summary>
public sealed class DigestLinks(PublicUrls urls, IServer server)
{
    public string Base()
    {
        var configured = urls.Base();
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return string.IsNullOrEmpty(listening) ? "http://localhost" : listening.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
