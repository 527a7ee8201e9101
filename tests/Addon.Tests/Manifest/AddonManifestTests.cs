using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Addon.Tests.Manifest;

/// <summary><c>addon/proof_of_heat/config.yaml</c> and <c>repository.yaml</c> against the Supervisor's and the linter's rules (home-assistant/supervisor <c>supervisor/apps/validate.py</c>, frenck/action-addon-linter <c>src/config.schema.json</c>, developers.home-assistant <c>docs/apps/configuration.md</c>).</summary>
public sealed class AddonManifestTests
{
    private readonly Dictionary<string, object?> _config = AddonManifest.Values();

    [Fact]
    public void RequiredKeys_ArePresentAndNotEmpty()
    {
        foreach (var key in new[] { "name", "version", "slug", "description", "arch" })
        {
            Assert.True(_config.TryGetValue(key, out var value) && value is not null && value is not "", $"config.yaml needs `{key}`");
        }
    }

    [Fact]
    public void Version_IsAQuotedStringThatTheChangelogNames()
    {
        var version = Assert.IsType<YamlScalarNode>(AddonManifest.Load().Get("version"));
        Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, version.Style); // 0.1 unquoted would be the float 0.1
        Assert.Matches(@"^\d+\.\d+\.\d+$", version.Value);
        Assert.Contains($"## {version.Value}", File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.AddonFolder, "CHANGELOG.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Slug_MatchesTheSupervisorsPatternAndTheFolder()
    {
        var slug = Assert.IsType<string>(_config["slug"]);
        Assert.Matches("^[-_.A-Za-z0-9]+$", slug); // RE_SLUG, supervisor apps/const.py
        Assert.Equal(System.IO.Path.GetFileName(RepositoryRoot.AddonFolder), slug);
    }

    [Fact]
    public void Arch_IsExactlyTheSupportedOnes()
    {
        var arches = Assert.IsType<List<object?>>(_config["arch"]).Cast<string>().ToHashSet(StringComparer.Ordinal);
        Assert.True(AddonManifest.Arches.SetEquals(arches), $"arch: {string.Join(", ", arches)}");
    }

    [Fact]
    public void NoKey_IsWrittenAtItsDefault()
    {
        var atDefault = AddonManifest.Defaults
            .Where(d => _config.TryGetValue(d.Key, out var value) && SameValue(value, d.Value))
            .Select(d => d.Key)
            .ToList();
        Assert.True(atDefault.Count == 0, $"the linter refuses keys at their default: {string.Join(", ", atDefault)}");
        // panel_title defaults to the add-on's name.
        Assert.NotEqual(_config["name"], _config.GetValueOrDefault("panel_title"));
    }

    [Fact]
    public void EveryKey_IsKnownAndNoneIsRefused()
    {
        var unknown = _config.Keys.Where(k => !AddonManifest.KnownKeys.Contains(k) || AddonManifest.RefusedKeys.Contains(k)).ToList();
        Assert.True(unknown.Count == 0, $"unknown or refused keys: {string.Join(", ", unknown)}");
        Assert.False(_config.ContainsKey("webui") && _config.ContainsKey("ingress"), "webui and ingress together");
    }

    [Fact]
    public void Services_AskForMqttAsWant()
    {
        var services = Assert.IsType<List<object?>>(_config["services"]).Cast<string>().ToList();
        Assert.All(services, s => Assert.Matches("^(mqtt|mysql):(provide|want|need)$", s)); // RE_SERVICE
        Assert.Contains("mqtt:want", services);
    }

    [Fact]
    public void Map_MountsTheAddonsOwnConfigFolderWritable()
    {
        var entries = Assert.IsType<List<object?>>(_config["map"]).Select(e => Assert.IsType<Dictionary<string, object?>>(e)).ToList();
        Assert.All(entries, e => Assert.Contains(Assert.IsType<string>(e["type"]), AddonManifest.MapTypes));
        var own = Assert.Single(entries, e => (string?)e["type"] == "addon_config");
        Assert.Equal(false, own["read_only"]);
        Assert.DoesNotContain(entries, e => (string?)e["type"] == "config"); // config with addon_config: the linter errs
    }

    [Fact]
    public void Ingress_IsOnAndItsPortIsTheOneTheBrainAndTheHealthCheckUse()
    {
        Assert.Equal(true, _config["ingress"]);
        var port = _config.TryGetValue("ingress_port", out var written) ? Convert.ToInt64(written, System.Globalization.CultureInfo.InvariantCulture) : 8099L;
        Assert.NotEqual(0L, port); // 0 only with host_network
        var brainDefault = Regex.Match(File.ReadAllText(RepositoryRoot.Combine("runtime", "Host", "Configuration", "HttpOptions.cs")),
            @"public int Port \{ get; set; \} = (\d+);");
        Assert.True(brainDefault.Success, "HttpOptions.Port's default not found");
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), brainDefault.Groups[1].Value);
        Assert.Contains($"http://127.0.0.1:{port}/healthz", File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.AddonFolder, "Dockerfile")), StringComparison.Ordinal);
        Assert.StartsWith("mdi:", Assert.IsType<string>(_config["panel_icon"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ApiAccess_HomeAssistantAndSupervisor()
    {
        Assert.Equal(true, _config["homeassistant_api"]); // ws://supervisor/core/websocket answers auth_invalid without it
        Assert.Equal(true, _config["hassio_api"]);
    }

    [Fact]
    public void Image_IsAGenericLowerCaseNameWithoutTag_AndInitIsOffForS6()
    {
        var image = Assert.IsType<string>(_config["image"]);
        Assert.Matches(@"^[a-z0-9.\-]+(/[a-z0-9._\-]+)+$", image); // no tag: the Supervisor pulls image:version
        Assert.Equal(false, _config["init"]); // HA's base images run s6-overlay v3, which must be PID 1
        var timeout = Convert.ToInt64(_config.GetValueOrDefault("timeout") ?? 10L, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(timeout, 10, 300);
    }

    [Fact]
    public void Translations_NameEveryOptionOfTheSchemaAndNoOther()
    {
        var translations = YamlFile.Load(System.IO.Path.Combine(RepositoryRoot.AddonFolder, "translations", "en.yaml"));
        var configuration = Assert.IsType<YamlMappingNode>(translations.Get("configuration"));
        var schema = Assert.IsType<Dictionary<string, object?>>(_config["schema"]);
        Assert.Equal(schema.Keys.Order(StringComparer.Ordinal), configuration.Keys().Order(StringComparer.Ordinal));
        foreach (var key in configuration.Keys())
        {
            var entry = Assert.IsType<YamlMappingNode>(configuration.Get(key));
            Assert.False(string.IsNullOrWhiteSpace(entry.Text("name")), key);
            Assert.False(string.IsNullOrWhiteSpace(entry.Text("description")), key);
        }
    }

    [Fact]
    public void Repository_HasANameUrlAndMaintainer()
    {
        var repository = PlainValues.Mapping(YamlFile.Load(RepositoryRoot.Combine("repository.yaml")));
        Assert.False(string.IsNullOrWhiteSpace(repository.GetValueOrDefault("name") as string));
        Assert.True(Uri.TryCreate(repository.GetValueOrDefault("url") as string, UriKind.Absolute, out _));
        Assert.False(string.IsNullOrWhiteSpace(repository.GetValueOrDefault("maintainer") as string));
    }

    [Fact]
    public void TheSupervisorFindsExactlyOneAddon()
    {
        // It searches the repository recursively for config.yaml/.yml/.json (developers.home-assistant docs/apps/repository.md).
        var skip = new[] { "artifacts", ".git", "node_modules", "bin", "obj" };
        var manifests = Directory.EnumerateFiles(RepositoryRoot.Path, "config.*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => System.IO.Path.GetFileName(f) is "config.yaml" or "config.yml" or "config.json")
            .Where(f => !System.IO.Path.GetRelativePath(RepositoryRoot.Path, f).Split(System.IO.Path.DirectorySeparatorChar).Any(skip.Contains))
            .ToList();
        Assert.Equal(AddonManifest.Path, Assert.Single(manifests));
    }

    [Fact]
    public void AddonFolder_HasEveryFileTheStoreShows()
    {
        foreach (var file in new[] { "DOCS.md", "CHANGELOG.md", "README.md", "icon.png", "logo.png", "Dockerfile", "build.yaml", "translations/en.yaml" })
        {
            Assert.True(File.Exists(System.IO.Path.Combine(RepositoryRoot.AddonFolder, file)), file);
        }
    }

    [Fact]
    public void Icon_Is128SquareAndLogoIsALandscapePng()
    {
        Assert.Equal((128, 128), PngSize(System.IO.Path.Combine(RepositoryRoot.AddonFolder, "icon.png")));
        var (width, height) = PngSize(System.IO.Path.Combine(RepositoryRoot.AddonFolder, "logo.png"));
        Assert.True(width > height && width <= 500, $"logo {width}x{height}");
    }

    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    private static bool SameValue(object? written, object? fallback) => (written, fallback) switch
    {
        (List<object?> a, List<object?> b) => a.Count == 0 && b.Count == 0,
        (Dictionary<string, object?> a, Dictionary<string, object?> b) => a.Count == 0 && b.Count == 0,
        _ => Equals(written, fallback),
    };
}
