using System.Text.RegularExpressions;

namespace ProofOfHeat.Host.Page;

/// <summary>
/// The page's <c>&lt;base href&gt;</c> from <c>X-Ingress-Path</c>. Behind ingress the brain sees un-prefixed paths
/// while the browser is at <c>/api/hassio_ingress/&lt;token&gt;/</c>; Home Assistant Core adds that prefix as
/// <c>X-Ingress-Path</c> (home-assistant/core <c>homeassistant/components/hassio/ingress.py</c>;
/// https://developers.home-assistant.io/docs/add-ons/presentation#ingress). The page's own URLs are relative too, so it works without the header (the plain port).
/// </summary>
internal static partial class IngressBase
{
    /// <summary>The header Home Assistant sets to the ingress prefix.</summary>
    public const string Header = "X-Ingress-Path";

    /// <summary>
    /// The base for <paramref name="ingressPath"/> ending in <c>/</c>, or null when there is none or it is not a plain
    /// absolute path: it is written into HTML, and <c>//host</c> would send every request of the page to another site.
    /// </summary>
    public static string? From(string? ingressPath)
    {
        if (string.IsNullOrEmpty(ingressPath) || ingressPath.Length > 512 || !SafePath().IsMatch(ingressPath))
        {
            return null;
        }

        return ingressPath.EndsWith('/') ? ingressPath : ingressPath + "/";
    }

    // A slash, then segments of unreserved characters (RFC 3986 §2.3) separated by single slashes.
    [GeneratedRegex("^(/[A-Za-z0-9._~-]+)+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePath();
}
