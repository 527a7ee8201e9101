using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProofOfHeat.Host.Page;

namespace ProofOfHeat.Page.Tests;

/// <summary>The vendored, embedded page: pinned versions named in its header, relative URLs only, small.</summary>
public sealed class PageAssetsTests
{
    [Fact]
    public void VendoredBundle_HeaderNamesThePinnedVersions_OfPackageJsonAndTheLockFile()
    {
        var web = Path.Combine(RepositoryRoot(), "runtime", "Host", "Page", "web");
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "package.json")));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "package-lock.json")));
        var header = Text("poh-page.js").Split('\n')[0];
        var css = Text("uplot.min.css").Split('\n')[0];

        foreach (var (name, section) in new[] { ("lit", "dependencies"), ("uplot", "dependencies"), ("esbuild", "devDependencies") })
        {
            var pinned = package.RootElement.GetProperty(section).GetProperty(name).GetString()!;
            Assert.Matches(@"^\d+\.\d+\.\d+$", pinned); // an exact version, no range
            Assert.Equal(pinned, lockFile.RootElement.GetProperty("packages").GetProperty($"node_modules/{name}").GetProperty("version").GetString());
            Assert.Contains(name == "esbuild" ? $"esbuild {pinned}" : $"{name} {pinned}", header, StringComparison.Ordinal);
        }

        Assert.Contains($"uplot {package.RootElement.GetProperty("dependencies").GetProperty("uplot").GetString()}", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Assets_AreEmbedded_AndUseOnlyRelativeUrls()
    {
        var html = Text("index.html");
        var script = Text("poh-page.js");

        Assert.Equal(["index.html", "page.css", "poh-page.js", "uplot.min.css"], PageAssets.Files.Keys.Order(StringComparer.Ordinal));
        // Behind ingress an absolute URL (/api/…, /ui/…) would leave the prefix and miss the brain.
        Assert.DoesNotMatch(@"(href|src)=""/", html);
        Assert.DoesNotMatch("[\"'`]/(api|ui)/", script);
        Assert.Contains("./ui/poh-page.js", html, StringComparison.Ordinal);
        Assert.Contains(PageEndpoint.BaseMarker, html, StringComparison.Ordinal);
        Assert.DoesNotMatch("https?://", Regex.Replace(html, "<noscript>.*</noscript>", string.Empty, RegexOptions.Singleline));
    }

    [Fact]
    public void Assets_StaySmall()
    {
        var total = PageAssets.Files.Values.Sum(a => a.Body.Length);

        // Lit and uPlot with our components, minified: about 90 KB (gzip would halve it; the brain sends it as is).
        Assert.InRange(total, 10_000, 150_000);
    }

    [Theory]
    [InlineData("/api/hassio_ingress/Xk3v9QpL2m8ZrT1w", "/api/hassio_ingress/Xk3v9QpL2m8ZrT1w/")]
    [InlineData("/api/hassio_ingress/abc/", "/api/hassio_ingress/abc/")]
    [InlineData("//evil.example/x", null)]
    [InlineData("/a\"><script>alert(1)</script>", null)]
    [InlineData("https://evil.example/", null)]
    [InlineData("/a//b", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void IngressBase_AcceptsOnlyAPlainAbsolutePath(string? header, string? expected) =>
        Assert.Equal(expected, IngressBase.From(header));

    private static string Text(string name) => Encoding.UTF8.GetString(PageAssets.Find(name)!.Body.Span);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProofOfHeat.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository's root (ProofOfHeat.slnx) is not above " + AppContext.BaseDirectory);
    }
}
