using System.Collections.Frozen;
using System.Reflection;

namespace ProofOfHeat.Host.Page;

/// <summary>
/// The page's files, embedded in this assembly (<c>Page/assets/*</c>, logical names <c>poh.page/NAME</c>): read once,
/// held in memory, never looked up on disk at run time, so the brain serves its page with no npm, CDN or web root.
/// </summary>
internal static class PageAssets
{
    /// <summary>The prefix of the assets' logical resource names.</summary>
    public const string ResourcePrefix = "poh.page/";

    private static readonly Lazy<FrozenDictionary<string, PageAsset>> All = new(Load);

    /// <summary>Every asset by file name (<c>index.html</c>, <c>poh-page.js</c> …).</summary>
    public static IReadOnlyDictionary<string, PageAsset> Files => All.Value;

    /// <summary>The asset named <paramref name="name"/>, or null.</summary>
    public static PageAsset? Find(string name) => All.Value.GetValueOrDefault(name);

    private static FrozenDictionary<string, PageAsset> Load()
    {
        var assembly = typeof(PageAssets).Assembly;
        var files = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            files[name] = new PageAsset(name, ContentType(name), Read(assembly, resource));
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
