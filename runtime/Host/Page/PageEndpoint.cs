using System.Net;
using System.Text;
using ProofOfHeat.Host.Api;
using ProofOfHeat.Host.Api.Http;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Page;

/// <summary>
/// <c>GET /</c> (the page, with its <c>&lt;base href&gt;</c> set from <see cref="IngressBase"/>) and
/// <c>GET /ui/NAME</c> (its scripts and styles), from <see cref="PageAssets"/>.
/// </summary>
internal static class PageEndpoint
{
    /// <summary>The page's entry document.</summary>
    public const string IndexName = "index.html";

    /// <summary>The marker in <c>index.html</c> the base element replaces.</summary>
    public const string BaseMarker = "<!--poh:base-->";

    // Same origin only; uPlot sizes its canvas through style attributes, so inline styles are allowed, inline scripts not.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'";

    /// <summary>
    /// The page, its base set for the ingress prefix the request names; the header counts only from the ingress
    /// proxy in add-on mode, as the identity headers do (elsewhere it would point the page's URLs where the brain
    /// serves nothing).
    /// </summary>
    public static ApiResult Index(ApiRequest request, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        if (PageAssets.Find(IndexName) is not { } index)
        {
            return BrainApi.Error((int)HttpStatusCode.NotFound, "this build has no page");
        }

        var html = Encoding.UTF8.GetString(index.Body.Span);
        var baseHref = FromIngressProxy(request, services) ? IngressBase.From(request.Header(IngressBase.Header)) : null;
        html = html.Replace(BaseMarker, baseHref is null ? string.Empty : $"<base href=\"{baseHref}\">", StringComparison.Ordinal);
        return Secure(ApiResult.Text(html, index.ContentType));
    }

    /// <summary>The asset <paramref name="name"/>, or 404.</summary>
    public static ApiResult Asset(string name)
    {
        if (string.Equals(name, IndexName, StringComparison.Ordinal) || PageAssets.Find(name) is not { } asset)
        {
            return BrainApi.Error((int)HttpStatusCode.NotFound, $"the page has no file `{name}`");
        }

        return Secure(ApiResult.Bytes(asset.Body, asset.ContentType));
    }

    private static bool FromIngressProxy(ApiRequest request, IServiceProvider services) =>
        services.GetService(typeof(LoadedConfig)) is LoadedConfig { IsAddon: true } config
        && request.RemoteAddress is { } remote
        && IPAddress.TryParse(config.Options.Http.IngressProxy, out var proxy)
        && Plain(remote).Equals(Plain(proxy));

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    // Assets change only with the brain; no-cache makes the browser revalidate after an upgrade instead of mixing versions.
    private static ApiResult Secure(ApiResult result) => result
        .WithHeader("Cache-Control", "no-cache")
        .WithHeader("X-Content-Type-Options", "nosniff")
        .WithHeader("Content-Security-Policy", ContentSecurityPolicy);
}
